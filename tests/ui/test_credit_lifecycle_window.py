"""The credit lifecycle in the window: serials that arrive later, rejected deliveries,
invalidations and tranche fulfilment, driven as a user would."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from tests.factories import make_contract, make_delivery
from tests.ui.gui_helpers import column_texts, fill, press_ok, show_contract
from tracker.services import schedule as schedule_service
from tracker.store import queries
from tracker.store.log_verify import verify_log
from tracker.ui import theming
from tracker.ui.ledger_store import LedgerStore


def _add_delivery_without_serials(window: Any, qtbot: Any) -> None:
    window.show_tab("deliveries")
    qtbot.mouseClick(window.deliveries.add_button, Qt.MouseButton.LeftButton)
    fill(
        qtbot,
        window.records.dialog,
        {"delivered_on": "2025-06-30", "tonnes": "100", "vintage": "2025",
         "verification_status": "verified", "verifier": "SCS", "verified_on": "2025-07-01",
         "reference": "TX-LATER"},
    )  # fmt: skip
    press_ok(qtbot, window.records.dialog)


def test_serials_given_later_reach_the_retirements_and_undo_takes_both_back(
    window: Any, qtbot: Any, store: LedgerStore
) -> None:
    show_contract(window, make_contract(store.db))
    _add_delivery_without_serials(window, qtbot)
    assert column_texts(window.deliveries, "serial_block") == ["serials pending"]

    window.show_tab("retirements")
    qtbot.mouseClick(window.retirements.add_button, Qt.MouseButton.LeftButton)
    fill(qtbot, window.records.dialog, {"retired_on": "2025-09-30", "tonnes": "40"})
    press_ok(qtbot, window.records.dialog)
    assert column_texts(window.retirements, "serial_block") == ["serials pending"]

    window.show_tab("deliveries")
    window.deliveries.select_record(queries.deliveries(store.db)[0].id or 0)
    qtbot.mouseClick(window.deliveries.edit_button, Qt.MouseButton.LeftButton)
    fill(qtbot, window.records.dialog, {"serial_block": "ACR-US-1-2025-1-1 to 100"})
    press_ok(qtbot, window.records.dialog)
    assert column_texts(window.retirements, "serial_block") == ["ACR-US-1-2025-1-1 to 40"]
    assert verify_log(store.db).ok

    window.undo_action.trigger()  # one step takes back the block and the sub-block
    assert column_texts(window.deliveries, "serial_block") == ["serials pending"]
    assert column_texts(window.retirements, "serial_block") == ["serials pending"]


def test_a_rejected_delivery_is_struck_through_and_counted_apart(
    window: Any, store: LedgerStore
) -> None:
    contract = make_contract(store.db)
    make_delivery(store.db, contract)
    make_delivery(
        store.db, contract, verification_status="failed", verified_on="2025-07-20",
        serial_block="ACR-US-1-2025-1-101 to 150", tonnes="50", reference="TX-2",
    )  # fmt: skip
    show_contract(window, contract)
    window.show_tab("deliveries")
    model = window.deliveries.model
    fonts = [model.index(row, 0).data(Qt.ItemDataRole.FontRole) for row in range(2)]
    assert [isinstance(f, QFont) and f.strikeOut() for f in fonts] == [False, True]
    assert column_texts(window.deliveries, "verification_status")[1] == "Failed (rejected)"
    assert window.overview.card_text("delivered") == "100 t"
    assert window.overview.card_text("rejected") == "50 t"


def test_an_invalidation_entered_in_the_form_comes_off_delivered_and_undoes(
    window: Any, qtbot: Any, store: LedgerStore
) -> None:
    contract = make_contract(store.db)
    delivery = make_delivery(store.db, contract)
    show_contract(window, contract)
    window.show_tab("invalidations")
    qtbot.mouseClick(window.invalidations.add_button, Qt.MouseButton.LeftButton)
    dialog = window.records.dialog
    fill(
        qtbot, dialog,
        {"delivery": str(delivery), "invalidated_on": "2025-10-01", "tonnes": "20",
         "serial_block": "ACR-US-1-2025-1-81 to 100", "reason": "buffer-contribution",
         "registry_reference": "ACR-BUF-7"},
    )  # fmt: skip
    press_ok(qtbot, dialog)
    assert column_texts(window.invalidations, "reason") == ["Buffer contribution"]
    assert window.overview.card_text("delivered") == "80 t"
    qtbot.waitUntil(lambda: "Invalidated 20 t" in window.chart.show_readout_at(None))

    window.undo_action.trigger()
    assert column_texts(window.invalidations, "reason") == []
    assert window.overview.card_text("delivered") == "100 t"


def test_the_schedule_tab_shows_each_tranches_fulfilment(window: Any, store: LedgerStore) -> None:
    contract = make_contract(store.db)
    schedule_service.add_tranche(store.db, contract, {"due_on": "2025-12-31", "tonnes": "150"})
    schedule_service.add_tranche(store.db, contract, {"due_on": "2027-12-31", "tonnes": "100"})
    make_delivery(store.db, contract)
    show_contract(window, contract)
    window.show_tab("schedule")
    assert column_texts(window.schedule, "delivered_kg") == ["100 t", "0 t"]
    assert column_texts(window.schedule, "shortfall_kg") == ["50 t", "100 t"]
    assert column_texts(window.schedule, "status") == ["Overdue", "Open"]
    overdue = window.schedule.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert overdue.color().name() == theming.colour("error")  # the theme's error red
