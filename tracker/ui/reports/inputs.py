"""Small input widgets the report dialogs share: a file row and the common combos."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tracker.domain.vocab import REGISTRY_LABELS, Registry
from tracker.services.registry import REGISTRY_CHOICES
from tracker.store import queries
from tracker.store.ledger import Ledger

# Returns the chosen path, or None if the user cancelled.  Tests pass their own.
PathChooser = Callable[[QWidget], Path | None]


def ask_open_csv(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ReportDialogs", "Choose a registry export"),
        "",
        QCoreApplication.translate("ReportDialogs", "CSV files (*.csv *.txt)"),
    )
    return Path(name) if name else None


class FileRow(QWidget):
    """A path field with a Browse… button."""

    def __init__(self, chooser: PathChooser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chooser = chooser
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("Registry export (.csv)"))
        self.path_edit.setAccessibleName(self.tr("File"))
        self.path_edit.setAccessibleDescription(
            self.tr("The path of the registry export (.csv); Browse… chooses the file")
        )
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.browse.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.path_edit, 1)
        layout.addWidget(self.browse)

    def _browse(self) -> None:
        chosen = self.chooser(self)
        if chosen is not None:
            self.path_edit.setText(str(chosen))

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None


def registry_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for code in REGISTRY_CHOICES:
        label = (
            QCoreApplication.translate("ReportDialogs", "Recognise from the header")
            if code == "auto"
            else None
        )
        combo.addItem(label or REGISTRY_LABELS[Registry(code)], code)
    combo.setAccessibleName(QCoreApplication.translate("ReportDialogs", "Registry"))
    combo.setAccessibleDescription(
        QCoreApplication.translate(
            "ReportDialogs", "The registry the file comes from, or recognised from its header"
        )
    )
    return combo


def contract_combo(parent: QWidget, db: Ledger, none_label: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(none_label, None)
    for contract in queries.contracts(db):
        combo.addItem(f"{contract.reference} — {contract.supplier}", contract.reference)
    combo.setAccessibleName(QCoreApplication.translate("ReportDialogs", "Contract"))
    combo.setAccessibleDescription(
        QCoreApplication.translate(
            "ReportDialogs", "One contract to work on; the first choice covers them all"
        )
    )
    return combo
