"""The window around the records: tabs, status bar, title, chart export, error dialogs."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from tests.factories import make_contract, make_delivery
from tests.ui.gui_helpers import fill, press_ok, show_contract
from tracker.domain.errors import ValidationError
from tracker.ui.audit.flags_panel import FlagsPanel
from tracker.ui.audit.history_panel import HistoryPanel
from tracker.ui.errors import install_excepthook

pytestmark = pytest.mark.gui


def test_the_window_has_its_tabs_with_the_flags_and_history_panels(window: Any) -> None:
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [
        "Overview", "Schedule", "Deliveries", "Retirements", "Invalidations", "Flags", "History",
    ]  # fmt: skip
    assert isinstance(window.tab_widget("flags"), FlagsPanel)
    assert isinstance(window.tab_widget("history"), HistoryPanel)


def test_a_placeholder_tab_can_be_replaced_by_a_panel(window: Any) -> None:
    panel = QLabel("flags panel")
    window.show_tab("deliveries")
    window.replace_tab("flags", panel)
    assert window.tab_widget("flags") is panel
    assert window.tabs.tabText(5) == "Flags"
    assert window.tabs.currentWidget() is window.deliveries


def test_status_bar_shows_the_as_of_date_and_the_ledger(window: Any) -> None:
    assert window.as_of_label.text() == "Figures as of 1/1/2027"
    assert window.file_label.text() == "Ledger: (in memory)"
    assert window.windowTitle() == "(in memory) — Carbon Tracker"


def test_undo_and_redo_use_the_platforms_standard_shortcuts(window: Any) -> None:
    assert window.undo_action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
    assert window.redo_action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)


def test_the_overview_of_the_portfolio_shows_values_per_currency(window: Any, store: Any) -> None:
    usd = make_contract(store.db, reference="C-USD")
    eur = make_contract(store.db, reference="C-EUR", currency="EUR", price_per_tonne="10")
    make_delivery(store.db, usd)
    make_delivery(store.db, eur, serial_block="ACR-US-1-2025-7-1 to 100")
    show_contract(window, usd)
    assert window.overview.card_text("value") == "50,000.00 USD"
    window.select_contract(None)
    # one line on the card (all cards of a row equally tall), other currencies below it
    assert window.overview.card_text("value") == "50,000.00 USD"
    assert window.overview.cards["value"].detail.text() == "1,000.00 EUR"
    assert window.overview.card_text("delivered") == "200 t"
    assert window.overview.heading.text() == "All contracts (2), as of 1/1/2027"


def test_a_changed_as_of_date_moves_the_figures(window: Any, store: Any) -> None:
    contract_id = make_contract(store.db)
    make_delivery(store.db, contract_id)  # delivered 2025-06-30
    show_contract(window, contract_id)
    store.set_as_of(dt.date(2025, 1, 1))
    assert window.overview.card_text("delivered") == "0 t"
    assert window.as_of_label.text() == "Figures as of 1/1/2025"


def test_export_chart_as_png_from_the_file_menu(
    window: Any, store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    show_contract(window, make_contract(store.db))
    target = tmp_path / "chart.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    assert window.export_chart_action.isEnabled()
    window.export_chart_action.trigger()
    assert not QImage(str(target)).isNull()


def test_an_uncaught_error_is_shown_in_a_dialog_in_plain_words(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.text(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    previous = install_excepthook(lambda: window)
    try:
        refusal = ValidationError("tonnes", "-5", "must be greater than zero")
        sys.excepthook(ValidationError, refusal, None)
        try:
            raise RuntimeError("disk on fire")
        except RuntimeError as exc:
            sys.excepthook(RuntimeError, exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    assert shown[0] == ("tonnes '-5': must be greater than zero", "")
    assert shown[1][0] == "Something went wrong and the last action may not have finished."
    assert "RuntimeError: disk on fire" in shown[1][1]


def test_the_delete_key_in_a_table_asks_then_deletes_the_selected_record(
    window: Any, store: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    contract_id = make_contract(store.db)
    make_delivery(store.db, contract_id)
    show_contract(window, contract_id)
    window.show_tab("deliveries")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    assert window.deliveries.select_record(window.deliveries.model.record_id(0))
    window.deliveries.view.setFocus()
    qtbot.keyClick(window.deliveries.view, Qt.Key.Key_Delete)
    assert asked == [
        "Delete the delivery ACR-US-1-2025-1-1 to 100?\n\nYou can undo this with Edit → Undo."
    ]
    assert window.deliveries.model.rowCount() == 0
    assert window.overview.card_text("delivered") == "0 t"


def test_a_new_delivery_is_selected_in_its_table(window: Any, store: Any, qtbot: Any) -> None:
    contract_id = make_contract(store.db)
    make_delivery(store.db, contract_id)
    show_contract(window, contract_id)
    dialog = window.records.add_delivery()
    fill(
        qtbot,
        dialog,
        {"delivered_on": "2025-08-01", "tonnes": "5", "serial_block": "ACR-US-1-2025-1-101 to 105"},
    )
    press_ok(qtbot, dialog)
    selected = window.deliveries.selected_id()
    assert selected is not None
    assert selected != window.deliveries.model.record_id(0)


def test_the_as_of_date_is_chosen_from_the_view_menu(window: Any, store: Any, qtbot: Any) -> None:
    contract_id = make_contract(store.db)
    make_delivery(store.db, contract_id)  # delivered 2025-06-30
    show_contract(window, contract_id)
    dialog = window.choose_as_of()
    assert not dialog.today.isChecked()  # the fixture fixes 2027-01-01
    dialog.date.setDate(dt.date(2025, 6, 29))
    dialog.accept()
    assert window.as_of_label.text() == "Figures as of 6/29/2025"
    assert window.overview.card_text("delivered") == "0 t"
    dialog = window.choose_as_of()
    dialog.today.setChecked(True)
    dialog.accept()
    assert not store.as_of_is_fixed
    today = dt.date.today()
    assert window.as_of_label.text() == f"Figures as of {today.month}/{today.day}/{today.year}"


def test_navigate_to_a_record_opens_its_tab_and_selects_it(window: Any, store: Any) -> None:
    make_contract(store.db, reference="C-0")
    contract_id = make_contract(store.db, reference="C-1")
    delivery_id = make_delivery(store.db, contract_id)
    window.store.reset.emit()
    assert window.navigate_to("deliveries", delivery_id)
    assert window.contract_id == contract_id
    assert window.tabs.currentWidget() is window.deliveries
    assert window.deliveries.selected_id() == delivery_id
    assert not window.navigate_to("deliveries", 999)
    assert not window.navigate_to("verifications", 1)


def test_a_panel_put_in_a_tab_follows_the_contract_in_view(window: Any, store: Any) -> None:
    shown: list[int | None] = []

    class Panel(QLabel):
        def set_contract(self, contract_id: int | None) -> None:
            shown.append(contract_id)

    contract_id = make_contract(store.db)
    panel = Panel()
    window.replace_tab("history", panel)
    show_contract(window, contract_id)
    assert shown[0] is None
    assert shown[-1] == contract_id


def test_a_change_redraws_the_chart_once_and_keeps_the_contract_in_view(
    window: Any, qtbot: Any
) -> None:
    from tests.factories import delivery_data
    from tracker.services.deliveries import add_delivery

    contract_id = make_contract(window.store.db)
    show_contract(window, contract_id)
    qtbot.waitUntil(lambda: not window.chart._refresh_timer.isActive())
    before = window.chart.refresh_count
    _delivery, changes = add_delivery(window.store.db, contract_id, delivery_data())
    window.store.notify(changes)
    qtbot.waitUntil(lambda: window.chart.refresh_count > before)
    qtbot.wait(50)
    assert window.chart.refresh_count == before + 1
    assert window.contract_id == contract_id
