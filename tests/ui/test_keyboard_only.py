"""A contract, a delivery and a retirement entered with the keyboard alone: shortcuts
open the forms, Tab walks the fields, arrows pick choices, Enter saves."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from tests.ui.gui_helpers import CONTRACT
from tracker.store import queries

pytestmark = pytest.mark.gui

DELIVERY = {
    "delivered_on": "2025-06-30",
    "tonnes": "100",
    "vintage": "2025",
    "serial_block": "ACR-US-1-2025-1-1 to 100",
    "verification_status": "verified",
    "verifier": "SCS Global",
    "verified_on": "2025-07-15",
}
RETIREMENT = {"retired_on": "2025-09-30", "tonnes": "10", "beneficiary": "Buyer Co"}


def _type_form(qtbot: Any, dialog: Any, values: dict[str, str]) -> None:
    """From the field that has the focus, Tab through the form typing each value."""
    seen: set[str] = set()
    for _ in range(60):
        widget = dialog.focusWidget()
        assert isinstance(widget, QWidget)
        if not widget.objectName().startswith("field_"):  # past the last field
            while not isinstance(dialog.focusWidget(), QLineEdit):  # Enter saves from here
                qtbot.keyClick(
                    dialog.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier
                )
            break
        key = widget.objectName().removeprefix("field_")
        if key in seen:
            break
        seen.add(key)
        text = values.get(key)
        if text is not None and isinstance(widget, QComboBox):
            target = widget.findData(text)
            assert target >= 0, (key, text)
            while widget.currentIndex() != target:  # arrow keys, as a user would
                step = Qt.Key.Key_Down if widget.currentIndex() < target else Qt.Key.Key_Up
                qtbot.keyClick(widget, step)
        elif text is not None and isinstance(widget, QLineEdit):
            qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(widget, text)
        elif text is not None and isinstance(widget, QPlainTextEdit):
            qtbot.keyClicks(widget, text)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert set(values) <= seen, set(values) - seen


def _focus_first_field(qtbot: Any, dialog: Any) -> None:
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is not None


def test_contract_delivery_and_retirement_from_the_keyboard(
    window: Any, store: Any, qtbot: Any
) -> None:
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.records.dialog  # Ctrl+Shift+N: Records → New contract…
    assert dialog is not None
    _focus_first_field(qtbot, dialog)
    _type_form(qtbot, dialog, CONTRACT)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    (contract,) = queries.contracts(store.db)
    assert contract.reference == "OFF-1"
    assert window.contract_id == contract.id

    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = window.records.dialog  # Ctrl+D: Records → Add delivery…
    _focus_first_field(qtbot, dialog)
    _type_form(qtbot, dialog, DELIVERY)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert store.db["deliveries"].count == 1

    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.records.dialog  # Ctrl+R: Records → Retire credits…
    _focus_first_field(qtbot, dialog)
    _type_form(qtbot, dialog, RETIREMENT)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert store.db["retirements"].count == 1
