"""Driving the window as a user would: fill a form, press a button, read the screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QPlainTextEdit

from tracker.ui.dialogs.form import RecordDialog

CONTRACT = {
    "reference": "OFF-1",
    "buyer": "Buyer Co",
    "supplier": "Rock Removal Ltd",
    "project": "Quarry One",
    "method": "enhanced-weathering",
    "credit_type": "removal",
    "registry": "acr",
    "tonnes": "1000",
    "price_per_tonne": "250.50",
    "currency": "USD",
    "signed_on": "2024-12-01",
    "start_on": "2025-01-01",
    "end_on": "2027-12-31",
    "durability_years": "1000",
    "status": "active",
}


def fill(qtbot: Any, dialog: RecordDialog, values: dict[str, str]) -> None:
    """Type into each field (replacing what is there) or pick the choice by its code."""
    for key, text in values.items():
        editor = dialog.editors[key]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(text))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            assert isinstance(editor, QLineEdit)
            editor.selectAll()
            qtbot.keyClick(editor, Qt.Key.Key_Delete)
            if text:
                qtbot.keyClicks(editor, text)


def press_ok(qtbot: Any, dialog: RecordDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def column_texts(panel: Any, key: str) -> list[str]:
    """What the table of a tab shows in one column, top to bottom, looked at as the user
    would: on its tab (a hidden tab's table reads changes in when it is shown)."""
    tabs = getattr(panel.window(), "tabs", None)
    if tabs is not None and tabs.indexOf(panel) >= 0:
        tabs.setCurrentWidget(panel)
    proxy = panel.proxy
    column = panel.model.column_of(key)
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def error_text(dialog: RecordDialog, key: str) -> str:
    label = dialog.error_labels[key]
    return label.text() if not label.isHidden() else ""


def show_contract(window: Any, contract_id: int) -> None:
    """After records were written behind the window's back: re-read, then pick the contract."""
    window.store.reset.emit()
    window.select_contract(contract_id)
    assert window.contract_id == contract_id
