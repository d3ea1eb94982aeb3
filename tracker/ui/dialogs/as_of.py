"""Choose the date every figure is computed for ("as of")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from tracker.ui.dialogs.date_picker import DateEdit


class AsOfDialog(QDialog):
    def __init__(self, current: dt.date, fixed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Figures as of"))
        layout = QFormLayout(self)
        self.today = QCheckBox(self.tr("Today (follows the calendar)"), self)
        self.today.setChecked(not fixed)
        self.today.setAccessibleDescription(
            self.tr("Ticked: figures follow today's date; unticked: the date below")
        )
        self.date = DateEdit(current, self)
        self.date.setAccessibleName(self.tr("Date"))
        self.date.setAccessibleDescription(self.tr("The date every figure is computed for"))
        self.date.setEnabled(fixed)
        self.today.toggled.connect(lambda checked: self.date.setEnabled(not checked))
        layout.addRow(self.today)
        layout.addRow(self.tr("Date"), self.date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def chosen(self) -> dt.date | None:
        """The fixed date, or None for "today"."""
        if self.today.isChecked():
            return None
        return self.date.day()
