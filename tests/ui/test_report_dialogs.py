"""The Reports widgets, driven as a user would: pick a file, preview, import, save."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.factories import counts, make_contract, make_delivery
from tests.services.registry_files import acr_file, acr_retirement, gs_file, gs_row
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.reports import ReconcileDialog, RegistryImportDialog, SaveReportDialog
from tracker.ui.reports.row_table import RowTable

pytestmark = pytest.mark.gui


@pytest.fixture
def store(db: sqlite_utils.Database) -> LedgerStore:
    make_contract(db, reference="C-1", registry="gold-standard")
    return LedgerStore(db, None)


def cells(table: RowTable, column: int) -> list[str]:
    return [table.text(r, column) for r in range(table.rowCount())]


def choose(path: Path):  # type: ignore[no-untyped-def]
    return lambda parent: path


def test_wizard_previews_then_imports(qtbot: QtBot, store: LedgerStore, tmp_path: Path) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(
        gs_file(
            gs_row(),
            gs_row(
                status="Cancelled",
                serial="GS1-1-KE-GS1-16-2025-9-1-5",
                quantity="5",
                retired="2026-01-01",
            ),
        )
    )
    dialog = RegistryImportDialog(store, chooser=choose(file))
    qtbot.addWidget(dialog)
    dialog.contract.setCurrentIndex(dialog.contract.findData("C-1"))

    qtbot.mouseClick(dialog.file_row.browse, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    assert cells(dialog.table, 1) == ["to add", "skipped"]
    assert "Nothing has been written yet" in dialog.summary.text()
    assert counts(store.db)["deliveries"] == 0
    with qtbot.waitSignal(store.changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert counts(store.db)["deliveries"] == 1
    assert cells(dialog.table, 1) == ["imported", "skipped"]
    assert not dialog.import_button.isEnabled()


def test_wizard_shows_errors_and_refuses_to_import(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path
) -> None:
    file = tmp_path / "acr.csv"
    file.write_bytes(acr_file(acr_retirement(quantity="-1")))
    dialog = RegistryImportDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.file_row.path_edit, str(file))

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    assert cells(dialog.table, 6) == ["Quantity of Credits"]
    assert "must not be negative" in dialog.table.text(0, 7)
    assert not dialog.import_button.isEnabled()


def test_save_report_writes_the_chosen_report(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    dialog = SaveReportDialog(store, chooser=lambda parent, name: target)
    qtbot.addWidget(dialog)
    dialog.report.setCurrentIndex(dialog.report.findData("summary"))
    dialog.bom.setChecked(True)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert target.read_bytes().startswith(b"\xef\xbb\xbfcontract,supplier")
    assert "Saved 2 rows" in dialog.status.text()


def test_reconcile_dialog_lists_differences(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path
) -> None:
    make_delivery(
        store.db,
        1,
        registry="gold-standard",
        delivered_on="2026-03-31",
        verified_on="2026-03-31",
        serial_block="GS1-1-KE-GS11603-16-2025-30256-1-100",
    )
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row(status="Retired", retired="2026-04-10", entity="Buyer Co")))
    dialog = ReconcileDialog(store, chooser=choose(file))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.file_row.browse, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)

    assert cells(dialog.table, 1) == ["Differs from the registry"]
    assert "1 difference" in dialog.summary.text()


def test_wizard_reason_wraps_in_the_room_left(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path
) -> None:
    file = tmp_path / "acr.csv"
    file.write_bytes(acr_file(acr_retirement(quantity="-1")))
    dialog = RegistryImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.file_row.path_edit, str(file))

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    header = dialog.table.horizontalHeader()
    reason = dialog.table.columnCount() - 1
    assert dialog.table.header_text(reason) == "Reason"
    assert header.sectionViewportPosition(reason) + header.sectionSize(reason) <= (
        dialog.table.viewport().width()
    )
