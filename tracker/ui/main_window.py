"""The main window (the desktop issue fills it out)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.quantities import format_cents, format_tonnes_grouped
from tracker.services.summary import portfolio_summary


class MainWindow(QMainWindow):
    def __init__(self, db: sqlite_utils.Database, path: Path, as_of: dt.date) -> None:
        super().__init__()
        self.db = db
        self.path = path
        self.as_of = as_of
        self.setWindowTitle(self.tr("{file} — Carbon Tracker").format(file=path.name))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(QLabel(self.tr("Portfolio as of {date}").format(date=as_of)))
        self.table = QTableWidget(central)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.statusBar().showMessage(str(path))
        self.refresh()

    def refresh(self) -> None:
        headers = [
            self.tr("Contract"),
            self.tr("Supplier"),
            self.tr("Contracted (t)"),
            self.tr("Delivered (t)"),
            self.tr("Retired (t)"),
            self.tr("Value delivered"),
        ]
        rows = portfolio_summary(self.db, self.as_of)
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, s in enumerate(rows):
            cells = [
                s.reference,
                s.supplier,
                format_tonnes_grouped(s.contracted_kg),
                format_tonnes_grouped(s.delivered_kg),
                format_tonnes_grouped(s.retired_kg),
                f"{format_cents(s.delivered_value_cents, grouped=True)} {s.currency}",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
