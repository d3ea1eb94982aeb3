"""Audit settings: rule thresholds, the name the change log records and the buyer's own
account and beneficiary names (which registry rows are yours)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError, ValidationError
from tracker.services.audit.settings import (
    Thresholds,
    effective_user,
    load_thresholds,
    parse_thresholds,
    save_settings,
    user_name,
)
from tracker.services.own_names import default_own_names, stored_own_names
from tracker.store.change_log import os_login
from tracker.ui import messages, theming
from tracker.ui.ledger_store import LedgerStore


class AuditSettingsDialog(QDialog):
    """Edits the thresholds stored in the ledger; OK saves them in one logged change."""

    def __init__(self, store: LedgerStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Audit settings"))
        thresholds = load_thresholds(store.db)
        self.fields: dict[str, QSpinBox] = {}
        form = QFormLayout()
        rows = (
            ("unverified_stale_days", self.tr("Unverified after"), self.tr(" days"), 1, 3650),
            ("shortfall_pct", self.tr("Cumulative shortfall over"), self.tr(" % of contract"),
             0, 100),
            ("vintage_age_years", self.tr("Vintage older than"), self.tr(" years at claim"),
             0, 100),
            ("claim_lag_months", self.tr("Retired later than"), self.tr(" months after claim"),
             0, 120),
            ("price_tolerance_pct", self.tr("Price off contract by more than"), self.tr(" %"),
             0, 1000),
            ("missing_serial_days", self.tr("Serials still missing after"), self.tr(" days"),
             1, 3650),
        )  # fmt: skip
        described = {
            "unverified_stale_days": self.tr(
                "Days a delivery may stay unverified before it is flagged"
            ),
            "shortfall_pct": self.tr(
                "Percent of the contract tonnes the deliveries may fall behind before it is flagged"
            ),
            "vintage_age_years": self.tr(
                "Years a vintage may be older than its claim before it is flagged"
            ),
            "claim_lag_months": self.tr(
                "Months a retirement may come after its claim period before it is flagged"
            ),
            "price_tolerance_pct": self.tr(
                "Percent a delivery's price may differ from the contract's before it is flagged"
            ),
            "missing_serial_days": self.tr(
                "Days a delivery may lack its serial numbers before it is flagged"
            ),
        }
        for key, label, suffix, low, high in rows:
            box = QSpinBox()
            box.setRange(low, high)
            box.setSuffix(suffix)
            box.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            box.setValue(getattr(thresholds, key))
            box.setAccessibleName(label)
            box.setAccessibleDescription(described[key])
            box.setMinimumWidth(200)
            self.fields[key] = box
            form.addRow(label, box)
        self.user = QLineEdit(user_name(store.db))
        self.user.setPlaceholderText(self.tr("{login} (your login)").format(login=os_login()))
        self.user.setAccessibleName(self.tr("User name"))
        self.user.setAccessibleDescription(
            self.tr("Your name as the change log records it; empty: your login")
        )
        form.addRow(self.tr("Name in the change log"), self.user)
        self.own_names = QPlainTextEdit("\n".join(stored_own_names(store.db)))
        self.own_names.setPlaceholderText("\n".join(default_own_names(store.db)))
        self.own_names.setAccessibleName(self.tr("Your account and beneficiary names"))
        self.own_names.setAccessibleDescription(
            self.tr("Your registry account and beneficiary names, one a line")
        )
        self.own_names.setTabChangesFocus(True)
        self.own_names.setFixedHeight(84)
        form.addRow(self.tr("Your account and beneficiary names"), self.own_names)
        own_hint = QLabel(
            self.tr(
                "One a line. Registry rows naming anyone else as beneficiary, owner or "
                "account holder are other buyers' and are never imported. Empty: the "
                "buyers of your contracts (shown in grey)."
            )
        )
        own_hint.setWordWrap(True)
        own_hint.setStyleSheet(theming.style("muted"))
        form.addRow("", own_hint)
        self.current = QLabel(
            self.tr("Changes are currently recorded as: {name}").format(
                name=effective_user(store.db)
            )
        )
        self.error = QLabel()
        self.error.setStyleSheet(theming.style("error"))
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.current)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _in_plain_words(self, exc: ValidationError) -> str:
        """The refusal named by the field's label, not its stored name."""
        box = self.fields.get(exc.field)
        if box is not None:
            label = box.accessibleName()
        elif exc.field == "own_names":
            label = self.own_names.accessibleName()
        else:
            label = self.tr("Name in the change log")
        return self.tr("{field} {reason}").format(field=label, reason=messages.reason(exc))

    def thresholds(self) -> Thresholds:
        return parse_thresholds({k: str(box.value()) for k, box in self.fields.items()})

    def save(self) -> None:
        try:
            changes = save_settings(
                self.store.db,
                self.thresholds(),
                self.user.text(),
                self.own_names.toPlainText(),
            )
        except ValidationError as exc:
            self.error.setText(self._in_plain_words(exc))
            if exc.field == "own_names":
                self.own_names.setFocus()
            else:
                (self.fields.get(exc.field) or self.user).setFocus()
            return
        except TrackerError as exc:
            self.error.setText(messages.error(exc))
            return
        self.store.notify(changes)
        self.accept()
