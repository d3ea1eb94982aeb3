"""Ask why a flag is accepted: the reason is mandatory."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.flags import Flag
from tracker.ui import messages
from tracker.ui.audit.rule_labels import rule_label


class AcknowledgeDialog(QDialog):
    def __init__(self, flag: Flag, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flag = flag
        self.setWindowTitle(self.tr("Acknowledge flag"))
        layout = QVBoxLayout(self)
        summary = QLabel(
            self.tr("<b>{rule}</b> — {contract}, {subject}").format(
                rule=rule_label(flag.rule), contract=flag.contract, subject=messages.subject(flag)
            )
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        message = QLabel(messages.finding(flag))
        message.setWordWrap(True)
        layout.addWidget(message)
        layout.addWidget(
            QLabel(
                self.tr("Why is this accepted? (required; the flag reopens if its numbers change)")
            )
        )
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setAccessibleDescription(
            self.tr("Why the flag is accepted (required); Tab moves on to the buttons")
        )
        self.reason.setTabChangesFocus(True)  # Tab goes on to the buttons
        self.reason.setPlaceholderText(self.tr("e.g. shortfall waived in contract amendment 2"))
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Acknowledge"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update_ok)
        self.resize(520, 300)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason_text()))

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()
