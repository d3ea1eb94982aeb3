"""Editing and deleting tranches and retirements from their tabs, then undo and redo,
checking the table, the overview cards and the chart after every step."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.factories import make_contract, make_delivery, retirement_data
from tests.ui.gui_helpers import column_texts, fill, press_ok, show_contract
from tracker.services.retirements import retire
from tracker.services.schedule import add_tranche

pytestmark = pytest.mark.gui


def _last_y(window: Any, curve: str) -> float:
    _x, y = window.chart.curves[curve].getData()
    return float(y[-1]) if y is not None and len(y) else 0.0


def _chart_shows(qtbot: Any, window: Any, curve: str, tonnes: float) -> None:
    qtbot.waitUntil(lambda: _last_y(window, curve) == tonnes, timeout=2000)


def _card(window: Any, key: str) -> str:
    return window.overview.card_text(key)


def _edit_row(qtbot: Any, panel: Any, row: int) -> None:
    rect = panel.view.visualRect(panel.proxy.index(row, 1))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)


def _delete_row(qtbot: Any, panel: Any, row: int) -> None:
    rect = panel.view.visualRect(panel.proxy.index(row, 1))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)


@pytest.fixture(autouse=True)
def _yes_to_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)


def test_a_tranche_is_edited_and_deleted_then_undone_and_redone(window: Any, qtbot: Any) -> None:
    contract_id = make_contract(window.store.db, tonnes="1000")
    add_tranche(window.store.db, contract_id, {"due_on": "2025-12-31", "tonnes": "400"})
    add_tranche(window.store.db, contract_id, {"due_on": "2026-12-31", "tonnes": "600"})
    show_contract(window, contract_id)
    window.show_tab("schedule")
    assert _card(window, "scheduled") == "1,000 t"

    _edit_row(qtbot, window.schedule, 1)
    fill(qtbot, window.records.dialog, {"tonnes": "500"})
    press_ok(qtbot, window.records.dialog)
    assert column_texts(window.schedule, "tonnes_kg") == ["400 t", "500 t"]
    assert _card(window, "scheduled") == "900 t"
    _chart_shows(qtbot, window, "scheduled", 900.0)

    _delete_row(qtbot, window.schedule, 0)
    assert column_texts(window.schedule, "tonnes_kg") == ["500 t"]
    assert _card(window, "scheduled") == "500 t"
    _chart_shows(qtbot, window, "scheduled", 500.0)

    window.undo_action.trigger()  # the delete
    assert column_texts(window.schedule, "tonnes_kg") == ["400 t", "500 t"]
    assert _card(window, "scheduled") == "900 t"
    _chart_shows(qtbot, window, "scheduled", 900.0)
    window.undo_action.trigger()  # the edit
    assert column_texts(window.schedule, "tonnes_kg") == ["400 t", "600 t"]
    assert _card(window, "scheduled") == "1,000 t"
    _chart_shows(qtbot, window, "scheduled", 1000.0)

    window.redo_action.trigger()
    window.redo_action.trigger()
    assert column_texts(window.schedule, "tonnes_kg") == ["500 t"]
    assert _card(window, "scheduled") == "500 t"
    _chart_shows(qtbot, window, "scheduled", 500.0)
    assert not window.redo_action.isEnabled()


def test_a_retirement_is_edited_and_deleted_then_undone_and_redone(window: Any, qtbot: Any) -> None:
    contract_id = make_contract(window.store.db)
    make_delivery(window.store.db, contract_id)
    retire(window.store.db, contract_id, retirement_data(tonnes="10"))
    show_contract(window, contract_id)
    window.show_tab("retirements")
    assert _card(window, "retired") == "10 t"

    _edit_row(qtbot, window.retirements, 0)
    fill(
        qtbot,
        window.records.dialog,
        {
            "beneficiary": "Group Treasury",
            "tonnes": "25",
            "serial_block": "ACR-US-1-2025-1-1 to 25",
        },
    )
    press_ok(qtbot, window.records.dialog)
    assert column_texts(window.retirements, "tonnes_kg") == ["25 t"]
    assert column_texts(window.retirements, "beneficiary") == ["Group Treasury"]
    assert _card(window, "retired") == "25 t"
    assert _card(window, "available") == "75 t"
    _chart_shows(qtbot, window, "retired", 25.0)

    _delete_row(qtbot, window.retirements, 0)
    assert column_texts(window.retirements, "tonnes_kg") == []
    assert _card(window, "retired") == "0 t"
    assert _card(window, "available") == "100 t"
    _chart_shows(qtbot, window, "retired", 0.0)

    window.undo_action.trigger()  # the delete
    assert column_texts(window.retirements, "tonnes_kg") == ["25 t"]
    _chart_shows(qtbot, window, "retired", 25.0)
    window.undo_action.trigger()  # the edit
    assert column_texts(window.retirements, "tonnes_kg") == ["10 t"]
    assert column_texts(window.retirements, "beneficiary") == ["Buyer Co"]
    assert _card(window, "retired") == "10 t"
    _chart_shows(qtbot, window, "retired", 10.0)

    window.redo_action.trigger()
    assert column_texts(window.retirements, "beneficiary") == ["Group Treasury"]
    assert _card(window, "retired") == "25 t"
    _chart_shows(qtbot, window, "retired", 25.0)
    window.redo_action.trigger()
    assert column_texts(window.retirements, "tonnes_kg") == []
    _chart_shows(qtbot, window, "retired", 0.0)
