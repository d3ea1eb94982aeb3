"""The audit feature in the main window, driven as a user would on the demo portfolio."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot

from tests.factories import delivery_data
from tests.ui.flag_rows import click, flag_of, flag_rows, headings, texts
from tracker.domain.changes import ChangeSet
from tracker.services.audit.review import flagged_deliveries
from tracker.services.contracts import resolve_reference
from tracker.services.deliveries import add_delivery
from tracker.services.demo import load_demo
from tracker.services.series import delivery_points
from tracker.ui.audit.settings_dialog import AuditSettingsDialog
from tracker.ui.audit.verifications_dialog import VerificationsDialog
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui

COOKSTOVES = "MSFT-BIOLITE-COOK"  # the demo contract that is behind: one critical flag


@pytest.fixture
def demo(store: LedgerStore) -> LedgerStore:
    load_demo(store.db)
    return store


@pytest.fixture
def main(demo: LedgerStore, window: Any) -> Any:
    window.store.reset.emit()  # the demo was loaded before the window was shown
    window.audit.watcher.evaluate()
    return window


def _contract_id(store: LedgerStore, reference: str) -> int:
    found = resolve_reference(store.db, reference, "contract").id
    assert found is not None
    return found


def _items(window: Any) -> dict[str, int]:
    """The rows of the flags the Flags tab shows, by rule and contract."""
    panel = window.audit.flags
    found = {}
    for row in flag_rows(panel):
        rule = flag_of(panel, row).flag.rule  # the code; the Rule column shows words
        shown = texts(panel, row)
        found[f"{rule} {shown[1]} {shown[2]}"] = row
    return found


def _shortfall_row(window: Any) -> int:
    return _items(window)[f"CUMULATIVE_SHORTFALL {COOKSTOVES} contract {COOKSTOVES}"]


def _shortfall(window: Any) -> list[str]:
    """What the cookstoves contract's shortfall flag shows, column by column."""
    return texts(window.audit.flags, _shortfall_row(window))


def _group_titles(window: Any) -> list[str]:
    return headings(window.audit.flags)


def _badge_tip(window: Any, contract_id: int | None) -> str | None:
    """The tooltip of the contract's row in the portfolio list when it carries a badge."""
    proxy = window.portfolio.proxy
    for row in range(proxy.rowCount()):
        if proxy.record_id(row) == contract_id:
            index = proxy.index(row, 0)
            if index.data(Qt.ItemDataRole.DecorationRole) is None:
                return None
            return index.data(Qt.ItemDataRole.ToolTipRole)
    raise AssertionError(f"contract {contract_id} not listed")


def _late_pending_delivery(store: LedgerStore, contract_id: int) -> int:
    """500 t delivered 2026-06-01 and still pending on 2027-01-01: UNVERIFIED_STALE."""
    delivery, changes = add_delivery(
        store.db,
        contract_id,
        delivery_data(
            delivered_on="2026-06-01",
            tonnes="500",
            vintage="2026",
            serial_block="GS1-1-UG-GS11236-16-2026-40000-1-500",
            verification_status="pending",
            verifier="",
            verified_on="",
            reference="GS-TX-LATE",
        ),
    )
    store.notify(changes)
    assert delivery.id is not None
    return delivery.id


def _acknowledge(qtbot: QtBot, window: Any, row: int, reason: str) -> None:
    panel = window.audit.flags
    window.show_tab("flags")
    qtbot.waitExposed(panel.view)
    click(qtbot, panel, row)
    qtbot.mouseClick(panel.acknowledge_button, Qt.MouseButton.LeftButton)
    assert panel.dialog is not None
    qtbot.keyClicks(panel.dialog.reason, reason)
    qtbot.mouseClick(panel.dialog.ok_button, Qt.MouseButton.LeftButton)


def test_the_flags_tab_lists_the_portfolio_flags_by_severity_with_counts(main: Any) -> None:
    assert _group_titles(main) == ["Critical — 1 open of 1", "Warning — 6 open of 6"]
    assert "<b>1</b> Critical" in main.audit.flags.counts.text()
    assert _shortfall(main)[3] == "Open"


def test_the_flags_tab_follows_the_contract_in_view(main: Any) -> None:
    main.select_contract(_contract_id(main.store, "MSFT-EXOMAD-BIOCHAR"))
    panel = main.audit.flags
    assert {texts(panel, row)[1] for row in _items(main).values()} == {"MSFT-EXOMAD-BIOCHAR"}
    assert _group_titles(main) == ["Warning — 1 open of 1"]


def test_acknowledged_then_reopened_when_the_numbers_change(main: Any, qtbot: QtBot) -> None:
    _acknowledge(qtbot, main, _shortfall_row(main), "Supplier plan agreed in amendment 2")
    qtbot.waitUntil(lambda: _shortfall(main)[3] == "Acknowledged")
    assert _group_titles(main)[0] == "Critical — 0 open of 1"
    _late_pending_delivery(main.store, _contract_id(main.store, COOKSTOVES))
    qtbot.waitUntil(lambda: _shortfall(main)[3] == "Reopened")
    assert "10,500 t delivered" in _shortfall(main)[4]  # the failed 9,149 t not
    assert _group_titles(main)[0] == "Critical — 1 open of 1"


def test_the_badge_marks_contracts_with_an_open_critical_flag(main: Any, qtbot: QtBot) -> None:
    cookstoves = _contract_id(main.store, COOKSTOVES)
    assert _badge_tip(main, cookstoves) == "1 open critical flag: see the Flags tab"
    assert _badge_tip(main, None) == "1 open critical flag in the portfolio"
    assert _badge_tip(main, _contract_id(main.store, "MSFT-ALT-ERW")) is None
    _acknowledge(qtbot, main, _shortfall_row(main), "Waived for 2026")
    qtbot.waitUntil(lambda: _badge_tip(main, cookstoves) is None)
    assert _badge_tip(main, None) is None
    _late_pending_delivery(main.store, cookstoves)  # the numbers change: reopened
    qtbot.waitUntil(lambda: _badge_tip(main, cookstoves) is not None)


def test_the_overview_shows_open_flag_counts_for_what_is_in_view(main: Any) -> None:
    counts = main.overview.flag_counts_text()
    assert counts.startswith("Open audit flags: 1 critical · 0 high · 6 warning · 0 info")
    main.select_contract(_contract_id(main.store, COOKSTOVES))
    counts = main.overview.flag_counts_text()
    assert counts.startswith("Open audit flags: 1 critical · 0 high · 2 warning · 0 info")


def test_the_overview_link_opens_the_flags_tab(main: Any) -> None:
    main.overview.flag_counts.linkActivated.emit("flags")
    assert main.tabs.currentWidget() is main.audit.flags


def test_the_chart_marks_the_flagged_deliveries(main: Any, qtbot: QtBot) -> None:
    # the demo flags Stratos deliveries (serials still to come, a vintage mismatch)
    before = set(flagged_deliveries(main.audit.watcher.reviewed))
    assert len(main.chart.flag_points.getData()[0]) == len(before)
    delivery_id = _late_pending_delivery(main.store, _contract_id(main.store, COOKSTOVES))
    qtbot.waitUntil(lambda: len(main.chart.flag_points.getData()[0]) == len(before) + 1)
    flagged = flagged_deliveries(main.audit.watcher.reviewed)
    assert set(flagged) == {*before, delivery_id}
    expected = delivery_points(main.store.db, flagged, None, main.store.as_of)
    x, y = main.chart.flag_points.getData()
    assert list(x) == [float(p.epoch) for p in expected]
    assert list(y) == [p.kg / 1000 for p in expected]
    main.select_contract(_contract_id(main.store, "MSFT-ALT-ERW"))  # not this contract's
    assert len(main.chart.flag_points.getData()[0]) == 0


def test_a_burst_of_changes_is_evaluated_once(main: Any, qtbot: QtBot) -> None:
    watcher = main.audit.watcher
    cookstoves = _contract_id(main.store, COOKSTOVES)
    before = watcher.evaluations
    for _ in range(50):
        main.store.notify(ChangeSet(updated=(("contracts", cookstoves),)))
    main.store.set_as_of(main.store.as_of)
    assert watcher.evaluations == before  # nothing evaluated inside the burst
    qtbot.waitUntil(lambda: watcher.evaluations == before + 1)
    qtbot.wait(20)
    assert watcher.evaluations == before + 1


def test_tools_menu_opens_the_audit_settings(main: Any, qtbot: QtBot) -> None:
    tools = next(a.menu() for a in main.menuBar().actions() if a.text() == "&Tools")
    settings = next(a for a in tools.actions() if a.text() == "&Audit settings…")
    settings.trigger()
    dialog = main.audit.dialog
    assert isinstance(dialog, AuditSettingsDialog)
    assert dialog.isVisible()
    dialog.fields["shortfall_pct"].setValue(70)  # 66.7 % is then within the limit
    dialog.save()
    qtbot.waitUntil(lambda: _group_titles(main) == ["Warning — 6 open of 6"])


def test_verification_records_need_a_selected_delivery(main: Any) -> None:
    action = main.audit.verifications_action
    main.show_tab("deliveries")
    assert not action.isEnabled()
    main.deliveries.view.selectRow(0)
    assert action.isEnabled()
    action.trigger()
    dialog = main.audit.dialog
    assert isinstance(dialog, VerificationsDialog)
    assert dialog.delivery_id == main.deliveries.selected_id()
    dialog.reject()


def test_history_of_the_selected_record_opens_the_history_tab(main: Any) -> None:
    main.show_tab("retirements")
    assert not main.audit.history_action.isEnabled()
    main.retirements.view.selectRow(0)

    main.audit.history_action.trigger()
    assert main.tabs.currentWidget() is main.audit.history
    assert main.audit.history.scope.text() == "History: Retirement of 3/31/2026, 8,000 t"
    assert main.audit.history.table.item(0, 3).text() == "Added"


def test_double_clicking_a_flag_goes_to_the_record(main: Any, qtbot: QtBot) -> None:
    key = f"LATE_TRANCHE {COOKSTOVES} tranche due 12/31/2025"
    row = _items(main)[key]
    main.show_tab("flags")
    qtbot.waitExposed(main.audit.flags.view)
    click(qtbot, main.audit.flags, row, double=True)
    assert main.tabs.currentWidget() is main.schedule
    assert main.contract_id == _contract_id(main.store, COOKSTOVES)
    row = main.schedule.view.selectionModel().selectedRows()[0].row()
    due = main.schedule.proxy.index(row, main.schedule.model.column_of("due_on")).data()
    assert due == "12/31/2025"


def _button(panel: Any, text: str) -> QPushButton:
    return next(b for b in panel.findChildren(QPushButton) if b.text() == text)


def test_the_history_button_of_a_table_follows_the_selection(main: Any, qtbot: QtBot) -> None:
    main.show_tab("deliveries")
    button = _button(main.deliveries, "&History of this record")
    assert not button.isEnabled()
    main.deliveries.view.selectRow(1)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert main.audit.history.scope.text() == (
        "History: Delivery of 12/15/2025, 10,000 t (ISO-DLV-2025-002)"
    )


def test_right_click_on_a_delivery_offers_history_and_verification_records(
    main: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[list[str]] = []
    monkeypatch.setattr(
        QMenu, "popup", lambda menu, *_args: offered.append([a.text() for a in menu.actions()])
    )
    main.show_tab("deliveries")
    main.deliveries.view.selectRow(0)
    main.deliveries.view.customContextMenuRequested.emit(QPoint(10, 10))
    main.show_tab("schedule")
    main.schedule.view.customContextMenuRequested.emit(QPoint(10, 10))
    assert offered == [
        ["&History of this record", "&Verification records…"],
        ["&History of this record"],
    ]
