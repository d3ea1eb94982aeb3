"""End to end, as an analyst would: create a contract with tranches, deliver, retire,
edit, delete, and undo and redo every step, checking tables, cards and the chart."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.gui_helpers import CONTRACT, column_texts, fill, press_ok

pytestmark = pytest.mark.gui


def _last_y(window: Any, curve: str) -> float:
    _x, y = window.chart.curves[curve].getData()
    return float(y[-1]) if y is not None and len(y) else 0.0


def _chart_shows(qtbot: Any, window: Any, curve: str, tonnes: float) -> None:
    qtbot.waitUntil(lambda: _last_y(window, curve) == tonnes, timeout=2000)


def _card(window: Any, key: str) -> str:
    return window.overview.card_text(key)


def _select_row(qtbot: Any, panel: Any, row: int) -> None:
    rect = panel.view.visualRect(panel.proxy.index(row, 1))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _undo(window: Any) -> None:
    window.undo_action.trigger()


def _redo(window: Any) -> None:
    window.redo_action.trigger()


@pytest.fixture
def yes_to_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def test_contract_to_retirement_with_undo_and_redo_of_every_step(
    window: Any, qtbot: Any, yes_to_questions: list[str]
) -> None:
    # --- a new contract ---------------------------------------------------------------
    window.records.new_contract_action.trigger()
    dialog = window.records.dialog
    fill(qtbot, dialog, CONTRACT)
    press_ok(qtbot, dialog)
    assert column_texts(window.portfolio, "reference") == ["All contracts", "OFF-1"]
    assert window.contract_id is not None
    assert _card(window, "contracted") == "1,000 t"
    assert _card(window, "delivered") == "0 t"
    _chart_shows(qtbot, window, "contracted", 1000.0)

    # --- two tranches (the schedule tab's Add button) ----------------------------------
    window.show_tab("schedule")
    for due, tonnes in (("2025-12-31", "400"), ("2026-12-31", "600")):
        qtbot.mouseClick(window.schedule.add_button, Qt.MouseButton.LeftButton)
        fill(qtbot, window.records.dialog, {"due_on": due, "tonnes": tonnes, "vintage": due[:4]})
        press_ok(qtbot, window.records.dialog)
    assert column_texts(window.schedule, "due_on") == ["12/31/2025", "12/31/2026"]
    assert column_texts(window.schedule, "source") == ["Tranche", "Tranche"]
    assert _card(window, "scheduled") == "1,000 t"  # both due by 2027-01-01
    _chart_shows(qtbot, window, "scheduled", 1000.0)

    # --- two deliveries ---------------------------------------------------------------
    window.show_tab("deliveries")
    deliveries = [
        ("2025-06-30", "100", "ACR-US-1-2025-1-1 to 100", "verified", "2025-07-15"),
        ("2026-03-31", "250", "ACR-US-1-2026-2-1 to 250", "pending", ""),
    ]
    for day, tonnes, block, status, verified_on in deliveries:
        qtbot.mouseClick(window.deliveries.add_button, Qt.MouseButton.LeftButton)
        fill(
            qtbot,
            window.records.dialog,
            {
                "delivered_on": day,
                "tonnes": tonnes,
                "vintage": day[:4],
                "serial_block": block,
                "verification_status": status,
                "verified_on": verified_on,
            },
        )
        press_ok(qtbot, window.records.dialog)
    assert column_texts(window.deliveries, "tonnes_kg") == ["100 t", "250 t"]
    assert _card(window, "delivered") == "350 t"
    assert _card(window, "verified") == "100 t"
    assert _card(window, "undelivered") == "650 t"
    assert _card(window, "delivered_pct") == "35.0 %"
    assert _card(window, "value") == "87,675.00 USD"
    _chart_shows(qtbot, window, "delivered", 350.0)
    _chart_shows(qtbot, window, "verified", 100.0)

    # --- retire 150 t oldest vintage first: spans both blocks ----------------------------
    window.show_tab("retirements")
    qtbot.mouseClick(window.retirements.add_button, Qt.MouseButton.LeftButton)
    retire_dialog = window.records.dialog
    assert retire_dialog.oldest_first.isChecked()
    fill(qtbot, retire_dialog, {"retired_on": "2026-06-30", "tonnes": "150"})
    assert retire_dialog.available.text() == (
        "Available to retire on 6/30/2026: 100 t verified, 250 t pending verification"
    )
    assert "Not enough whole credits: 100 t verified on 6/30/2026." in (
        retire_dialog.preview.text()
    )
    assert retire_dialog.verified_only.isChecked()
    qtbot.mouseClick(retire_dialog.verified_only, Qt.MouseButton.LeftButton)  # pending too
    assert "100 t from ACR-US-1-2025-1-1 to 100" in retire_dialog.preview.text()
    assert "50 t from ACR-US-1-2026-2-1 to 50 (not yet verified)" in (retire_dialog.preview.text())
    assert "50 t of this draw is not yet verified" in retire_dialog.preview.text()
    assert "Remaining available after this: 200 t" in retire_dialog.preview.text()
    press_ok(qtbot, retire_dialog)
    assert column_texts(window.retirements, "serial_block") == [
        "ACR-US-1-2025-1-1 to 100",
        "ACR-US-1-2026-2-1 to 50",
    ]
    assert _card(window, "retired") == "150 t"
    assert _card(window, "available") == "200 t"
    _chart_shows(qtbot, window, "retired", 150.0)

    # --- edit the second delivery: now verified -------------------------------------------
    window.show_tab("deliveries")
    _select_row(qtbot, window.deliveries, 1)
    qtbot.mouseClick(window.deliveries.edit_button, Qt.MouseButton.LeftButton)
    fill(
        qtbot,
        window.records.dialog,
        {"verification_status": "verified", "verified_on": "2026-04-30"},
    )
    press_ok(qtbot, window.records.dialog)
    assert column_texts(window.deliveries, "verification_status") == ["Verified", "Verified"]
    assert _card(window, "verified") == "350 t"
    _chart_shows(qtbot, window, "verified", 350.0)

    # --- delete the first delivery: its retirement goes too ------------------------------
    _select_row(qtbot, window.deliveries, 0)
    qtbot.mouseClick(window.deliveries.delete_button, Qt.MouseButton.LeftButton)
    assert "1 retirement drawn from it will be deleted too" in yes_to_questions[-1]
    assert column_texts(window.deliveries, "tonnes_kg") == ["250 t"]
    assert column_texts(window.retirements, "tonnes_kg") == ["50 t"]
    assert _card(window, "delivered") == "250 t"
    assert _card(window, "retired") == "50 t"
    _chart_shows(qtbot, window, "delivered", 250.0)

    # --- undo everything, one step at a time --------------------------------------------
    assert window.undo_action.text() == "&Undo Delete delivery"
    _undo(window)  # the delete
    assert column_texts(window.deliveries, "tonnes_kg") == ["100 t", "250 t"]
    assert _card(window, "retired") == "150 t"
    _chart_shows(qtbot, window, "delivered", 350.0)
    _undo(window)  # the edit
    assert column_texts(window.deliveries, "verification_status") == ["Verified", "Pending"]
    assert _card(window, "verified") == "100 t"
    _chart_shows(qtbot, window, "verified", 100.0)
    _undo(window)  # the retirement (both rows)
    assert column_texts(window.retirements, "tonnes_kg") == []
    assert _card(window, "retired") == "0 t"
    _chart_shows(qtbot, window, "retired", 0.0)
    _undo(window)
    _undo(window)  # both deliveries
    assert column_texts(window.deliveries, "tonnes_kg") == []
    assert _card(window, "delivered") == "0 t"
    _undo(window)
    _undo(window)  # both tranches: back to the even schedule
    assert column_texts(window.schedule, "source") == ["Even schedule"] * 3
    _undo(window)  # the contract
    assert column_texts(window.portfolio, "reference") == ["All contracts"]
    assert window.contract_id is None
    assert _card(window, "contracted") == "0 t"
    assert not window.undo_action.isEnabled()

    # --- and redo it all: the same records with the same ids come back ------------------
    for _step in range(9):
        _redo(window)
    assert column_texts(window.portfolio, "reference") == ["All contracts", "OFF-1"]
    window.select_contract(window.portfolio.proxy.record_id(1))
    assert column_texts(window.deliveries, "tonnes_kg") == ["250 t"]
    assert column_texts(window.retirements, "tonnes_kg") == ["50 t"]
    assert column_texts(window.schedule, "due_on") == ["12/31/2025", "12/31/2026"]
    assert _card(window, "verified") == "250 t"
    assert _card(window, "retired") == "50 t"
    _chart_shows(qtbot, window, "delivered", 250.0)
    assert not window.redo_action.isEnabled()


def test_editing_and_deleting_a_contract_can_be_undone(
    window: Any, qtbot: Any, yes_to_questions: list[str]
) -> None:
    window.records.new_contract_action.trigger()
    fill(qtbot, window.records.dialog, CONTRACT)
    press_ok(qtbot, window.records.dialog)
    window.records.add_tranche()
    fill(qtbot, window.records.dialog, {"due_on": "2025-12-31", "tonnes": "400"})
    press_ok(qtbot, window.records.dialog)

    window.records.edit_contract_action.trigger()
    fill(qtbot, window.records.dialog, {"tonnes": "2000", "supplier": "Rock Removal plc"})
    press_ok(qtbot, window.records.dialog)
    assert _card(window, "contracted") == "2,000 t"
    assert column_texts(window.portfolio, "supplier") == ["", "Rock Removal plc"]

    window.records.delete_contract_action.trigger()
    assert "1 tranche" in yes_to_questions[-1]
    assert column_texts(window.portfolio, "reference") == ["All contracts"]
    assert window.contract_id is None

    _undo(window)
    assert column_texts(window.portfolio, "reference") == ["All contracts", "OFF-1"]
    window.select_contract(window.portfolio.proxy.record_id(1))
    assert column_texts(window.schedule, "tonnes_kg") == ["400 t"]
    _undo(window)
    assert _card(window, "contracted") == "1,000 t"
    _chart_shows(qtbot, window, "contracted", 1000.0)
    _redo(window)
    assert _card(window, "contracted") == "2,000 t"
    _chart_shows(qtbot, window, "contracted", 2000.0)
