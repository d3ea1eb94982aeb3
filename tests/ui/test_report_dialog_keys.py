"""Enter in the report dialogs runs the safe step (preview, compare); writing takes a click."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.factories import counts, make_contract
from tests.services.registry_files import gs_file, gs_row
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.reports import ReconcileDialog, RegistryImportDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def store(db: sqlite_utils.Database) -> LedgerStore:
    make_contract(db, reference="C-1", registry="gold-standard")
    return LedgerStore(db, None)


@pytest.fixture
def gs_export(tmp_path: Path) -> Path:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row()))
    return file


def test_enter_in_the_import_file_field_previews_and_a_second_enter_writes_nothing(
    qtbot: QtBot, store: LedgerStore, gs_export: Path
) -> None:
    dialog = RegistryImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.contract.setCurrentIndex(dialog.contract.findData("C-1"))
    qtbot.keyClicks(dialog.file_row.path_edit, str(gs_export))

    qtbot.keyClick(dialog.file_row.path_edit, Qt.Key.Key_Return)
    assert "Nothing has been written yet" in dialog.summary.text()
    assert dialog.import_button.isEnabled()

    qtbot.keyClick(dialog.file_row.path_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert counts(store.db)["deliveries"] == 0
    assert dialog.preview_button.isDefault()
    assert not dialog.import_button.isDefault()


def test_enter_in_the_reconcile_file_field_compares(
    qtbot: QtBot, store: LedgerStore, gs_export: Path
) -> None:
    dialog = ReconcileDialog(store, chooser=lambda _parent: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.file_row.path_edit, str(gs_export))

    qtbot.keyClick(dialog.file_row.path_edit, Qt.Key.Key_Return)

    assert dialog.result is not None
    assert dialog.compare_button.isDefault()
