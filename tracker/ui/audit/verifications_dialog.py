"""A delivery's verification records: list, add, edit and delete them."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.quantities import format_tonnes_short
from tracker.domain.records import Delivery
from tracker.domain.verification import Verification
from tracker.domain.vocab import VerificationStatus
from tracker.services.audit.verifications import (
    add_verification,
    delete_verification,
    update_verification,
    verifications,
)
from tracker.store import queries
from tracker.ui import messages, numbers, theming
from tracker.ui.dialogs.date_picker import DateEdit, date_edit_description
from tracker.ui.dialogs.field_help import tonnes_description
from tracker.ui.ledger_store import LedgerStore


class VerificationsDialog(QDialog):
    def __init__(self, store: LedgerStore, delivery_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.delivery_id = delivery_id
        self.records: list[Verification] = []
        delivery = queries.delivery(store.db, delivery_id)
        self.setWindowTitle(self.tr("Verification records"))
        self.heading = QLabel(
            self.tr("Delivery {block}: {tonnes} t delivered on {date}").format(
                block=self._named(delivery),
                tonnes=numbers.tonnes(delivery.tonnes_kg),
                date=numbers.day(delivery.delivered_on),
            )
        )
        self.heading.setWordWrap(True)
        self.status = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Verification records"))
        self.table.setAccessibleDescription(
            self.tr("Choose a record to change it in the fields below")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Verifier"), self.tr("Outcome"),
             self.tr("Verified (t)"), self.tr("Evidence"), self.tr("Note")]
        )  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the fields below
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((95, 150, 85, 100, 220)):
            self.table.setColumnWidth(column, width)
        self.verifier = QLineEdit()
        self.verified_on = DateEdit(store.as_of)
        self.outcome = QComboBox()
        for value in (
            VerificationStatus.VERIFIED,
            VerificationStatus.FAILED,
            VerificationStatus.PENDING,
        ):
            self.outcome.addItem(self._outcome_name(value), value.value)
        self.verified_tonnes = QLineEdit()
        self.verified_tonnes.setPlaceholderText(self.tr("tonnes, e.g. 1000 or 999.5"))
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(self.tr("report URL or document path"))
        self.note = QLineEdit()
        self.verified_tonnes.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        form = QFormLayout()
        self.inputs: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}
        self.error_labels: dict[str, QLabel] = {}
        described = {
            "verifier": self.tr("The VVB or registry that carried out the verification"),
            "verified_on": date_edit_description(),
            "outcome": self.tr("Whether the verification passed, failed or is pending"),
            "verified_tonnes": tonnes_description(),
            "evidence": self.tr("A link to the verification report, or its file path"),
            "note": self.tr("Free text for your own notes"),
        }
        for key, label, widget in (
            ("verifier", self.tr("Verifier (VVB or registry)"), self.verifier),
            ("verified_on", self.tr("Date"), self.verified_on),
            ("outcome", self.tr("Outcome"), self.outcome),
            ("verified_tonnes", self.tr("Verified quantity (t)"), self.verified_tonnes),
            ("evidence", self.tr("Evidence"), self.evidence),
            ("note", self.tr("Note"), self.note),
        ):
            widget.setAccessibleName(label)
            widget.setAccessibleDescription(described[key])
            form.addRow(label, self._with_error_label(key, label, widget))
        self.add_button = QPushButton(self.tr("Add record"))
        self.update_button = QPushButton(self.tr("Save changes to selected"))
        self.delete_button = QPushButton(self.tr("Delete selected"))
        self.error = QLabel()
        self.error.setStyleSheet(theming.style("error"))
        self.error.setWordWrap(True)
        actions = QHBoxLayout()
        for button in (self.add_button, self.update_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        layout.addWidget(close)
        # Tab follows the screen: the records, then the form under them, then its buttons
        order: list[QWidget] = [
            self.table,
            self.verifier,
            self.verified_on,
            self.outcome,
            self.verified_tonnes,
            self.evidence,
            self.note,
            self.add_button,
            self.update_button,
            self.delete_button,
            close.button(QDialogButtonBox.StandardButton.Close),
        ]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)
        self.add_button.clicked.connect(self.add)
        self.update_button.clicked.connect(self.update_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.itemSelectionChanged.connect(self._load_selected)
        self.resize(820, 560)
        self.refresh()

    def _named(self, delivery: Delivery) -> str:
        """The delivery's serials, else (still to come) its registry reference."""
        if delivery.block is not None:
            return delivery.block.text
        return self.tr("{reference} (serials to come)").format(
            reference=delivery.reference or numbers.day(delivery.delivered_on)
        )

    def _outcome_name(self, outcome: VerificationStatus) -> str:
        return {
            VerificationStatus.VERIFIED: self.tr("Verified"),
            VerificationStatus.FAILED: self.tr("Failed"),
            VerificationStatus.PENDING: self.tr("Pending"),
        }[outcome]

    def refresh(self) -> None:
        self.records = verifications(self.store.db, self.delivery_id)
        delivery = queries.delivery(self.store.db, self.delivery_id)
        self.status.setText(
            self.tr("Current status: {status}").format(
                status=self._outcome_name(delivery.verification_status)
            )
        )
        self.table.setRowCount(len(self.records))
        for row, v in enumerate(self.records):
            verified = numbers.tonnes(v.verified_kg) if v.verified_kg is not None else ""
            day = numbers.day(v.verified_on)
            cells = [day, v.verifier, self._outcome_name(v.outcome), verified, v.evidence, v.note]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self._update_buttons()

    def _selected(self) -> Verification | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.records[rows.pop()] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.update_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        # Enter saves the record being edited, or adds a new one; it never deletes
        self.update_button.setDefault(chosen)
        self.add_button.setDefault(not chosen)

    def _load_selected(self) -> None:
        chosen = self._selected()
        self._update_buttons()
        if chosen is None:
            return
        self.verifier.setText(chosen.verifier)
        day = chosen.verified_on
        self.verified_on.setDate(QDate(day.year, day.month, day.day))
        self.outcome.setCurrentIndex(self.outcome.findData(chosen.outcome.value))
        kg = chosen.verified_kg
        self.verified_tonnes.setText(format_tonnes_short(kg) if kg is not None else "")
        self.evidence.setText(chosen.evidence)
        self.note.setText(chosen.note)

    def form_data(self) -> dict[str, str]:
        return {
            "verifier": self.verifier.text(),
            "verified_on": self.verified_on.day().isoformat(),
            "outcome": str(self.outcome.currentData()),
            "verified_tonnes": self.verified_tonnes.text(),
            "evidence": self.evidence.text(),
            "note": self.note.text(),
        }

    def _apply(self, action: str) -> None:
        chosen = self._selected()
        try:
            changes: ChangeSet
            if action == "add":
                changes = add_verification(self.store.db, self.delivery_id, self.form_data())[1]
            elif chosen is not None and chosen.id is not None and action == "update":
                changes = update_verification(self.store.db, chosen.id, self.form_data())[1]
            elif chosen is not None and chosen.id is not None:
                changes = delete_verification(self.store.db, chosen.id)
            else:
                return
        except ValidationError as exc:
            self._show_refusal(exc.field, messages.reason(exc), messages.error(exc))
            return
        except TrackerError as exc:
            self._show_refusal("", "", messages.error(exc))
            return
        self._show_refusal("", "", "")
        self.refresh()
        self.store.notify(changes)

    def add(self) -> None:
        self._apply("add")

    def update_selected(self) -> None:
        self._apply("update")

    def delete_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        question = self.tr("Delete the verification record of {date} by {verifier}?").format(
            date=numbers.day(chosen.verified_on), verifier=chosen.verifier or self.tr("(no one)")
        )
        answer = QMessageBox.question(
            self,
            self.tr("Confirm delete"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._apply("delete")

    def _with_error_label(self, key: str, label: str, widget: QWidget) -> QWidget:
        """The input with a red line under it for its refusal."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel(box)
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(theming.style("error"))
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.inputs[key] = widget
        self.labels[key] = label
        self.error_labels[key] = error
        return box

    def _show_refusal(self, field: str, reason: str, whole: str) -> None:
        """A field's refusal under that field, in its label's words; any other above the buttons."""
        for key, label in self.error_labels.items():
            text = (
                self.tr("{field} {reason}").format(field=self.labels[key], reason=reason)
                if key == field
                else ""
            )
            label.setText(text)
            label.setVisible(bool(text))
        if field in self.inputs:
            self.inputs[field].setFocus()
            self.error.clear()
        else:
            self.error.setText(whole)
