"""Enter in the report dialogs runs the safe step (preview, compare); writing takes a click."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from tests.factories import counts, make_contract
from tests.services.registry_files import gs_file, gs_row
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.reports import ReconcileDialog, RegistryImportDialog, SaveReportDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def store(db: sqlite_utils.Database) -> LedgerStore:
    make_contract(db, reference="C-1", registry="gold-standard", registry_project_ids="GS11603")
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


def test_a_period_that_ends_before_it_starts_is_refused_under_the_period(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path
) -> None:
    dialog = SaveReportDialog(store, chooser=lambda _parent, _name: tmp_path / "out.csv")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_from.enabled.setChecked(True)
    dialog.date_to.enabled.setChecked(True)
    dialog.date_from.edit.setDate(QDate(2027, 6, 1))
    dialog.date_to.edit.setDate(QDate(2027, 1, 1))

    assert dialog.period_error.text() == (
        "The period ends (1/1/2027) before it starts (6/1/2027): choose a From date on or "
        "before the to date."
    )
    assert not dialog.period_error.isHidden()
    assert not dialog.save_button.isEnabled()
    label = dialog.period_error
    assert label.height() >= label.heightForWidth(label.width())

    dialog.date_to.edit.setDate(QDate(2027, 12, 31))
    assert dialog.period_error.isHidden()
    assert dialog.save_button.isEnabled()


def test_a_block_in_no_delivery_says_which_box_to_tick_not_a_command_option(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row(status="Retired", retired="2026-04-10", entity="Buyer Co")))
    dialog = RegistryImportDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.file_row.path_edit, str(file))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    reason = dialog.table.text(0, dialog.table.columnCount() - 1)
    assert "--deliver-retired" not in reason
    assert reason.endswith(
        "(tick \u201cRecord retired blocks no delivery holds as delivered and retired\u201d above)"
    )
    assert dialog.table.header_text(5) == "Tonnes (t)"


def test_a_project_issuance_list_is_named_in_words_in_the_preview(
    qtbot: QtBot, store: LedgerStore
) -> None:
    registries = Path(__file__).parents[1] / "data" / "registries"
    data = registries / "american-carbon-registry" / "issuances.csv"
    dialog = RegistryImportDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.file_row.path_edit, str(data))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    kinds = {dialog.table.text(r, 2) for r in range(dialog.table.rowCount())}
    assert kinds == {"project issuance (no serials)"}
