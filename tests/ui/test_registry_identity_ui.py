"""Registry identities in the window: a contract's project ids in its form, the buyer's
own names in Audit settings, and the import wizard counting other buyers' rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.factories import make_contract, make_delivery
from tests.services.registry_files import iso_file
from tests.ui.gui_helpers import CONTRACT, error_text, fill, press_ok
from tracker.services.own_names import own_names
from tracker.store import queries
from tracker.ui.audit.settings_dialog import AuditSettingsDialog
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.reports import RegistryImportDialog

pytestmark = pytest.mark.gui


def test_a_new_contract_keeps_the_project_ids_typed_in_its_form(window: Any, qtbot: Any) -> None:
    dialog = window.records.new_contract()
    fill(qtbot, dialog, {**CONTRACT, "registry_project_ids": "ACR1129; ACR1130"})

    press_ok(qtbot, dialog)

    contract = queries.contract_by_reference(window.store.db, "OFF-1")
    assert contract is not None
    assert contract.registry_project_ids == ("ACR1129", "ACR1130")


def test_a_project_id_too_long_is_refused_under_its_field(window: Any, qtbot: Any) -> None:
    dialog = window.records.new_contract()
    fill(qtbot, dialog, {**CONTRACT, "registry_project_ids": "x" * 81})

    press_ok(qtbot, dialog)

    assert "project id longer than 80" in error_text(dialog, "registry_project_ids")
    assert queries.contract_by_reference(window.store.db, "OFF-1") is None


def test_own_names_are_saved_in_audit_settings(store: LedgerStore, qtbot: Any) -> None:
    make_contract(store.db, buyer="Microsoft")
    dialog = AuditSettingsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.own_names.placeholderText() == "Microsoft"

    dialog.own_names.setPlainText("Microsoft Corporation\nMSFT Climate Fund")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )

    assert own_names(store.db) == ("Microsoft Corporation", "MSFT Climate Fund")


def test_the_import_wizard_names_other_buyers_and_what_each_contract_gets(
    store: LedgerStore, qtbot: Any, tmp_path: Path
) -> None:
    contract = make_contract(
        store.db, reference="MSFT-ISO", buyer="Microsoft", registry="isometric",
        registry_project_ids="prj_1",
    )  # fmt: skip
    make_delivery(
        store.db, contract, registry="isometric", serial_block="ISO-1-A-2025-1-20000",
        tonnes="20",
    )  # fmt: skip
    rows = [
        f"ret_{i},2026-04-09T18:21:22Z,['corporate_targets'],{name},1.0,1000,prj_1"
        for i, name in enumerate(["Workday", "Microsoft", "Workday", "JPMorganChase"])
    ]
    file = tmp_path / "retirements.csv"
    file.write_bytes(iso_file(*rows))
    dialog = RegistryImportDialog(store, chooser=lambda parent: file)
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.file_row.browse, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    text = dialog.summary.text()
    assert "To add to MSFT-ISO: 1 row, 1 t" in text
    assert "3 rows belong to other buyers: Workday 2, JPMorganChase 1" in text
    outcomes = [dialog.table.text(r, 1) for r in range(dialog.table.rowCount())]
    assert outcomes == ["other buyer's", "to add", "other buyer's", "other buyer's"]


def test_the_reconcile_dialog_says_which_rows_it_left_out(
    store: LedgerStore, qtbot: Any, tmp_path: Path
) -> None:
    from tracker.ui.reports import ReconcileDialog

    make_contract(
        store.db, reference="MSFT-ISO", buyer="Microsoft", registry="isometric",
        registry_project_ids="prj_1",
    )  # fmt: skip
    file = tmp_path / "retirements.csv"
    file.write_bytes(
        iso_file("ret_1,2026-04-09T18:21:22Z,['corporate_targets'],Workday,1.0,1000,prj_1")
    )
    dialog = ReconcileDialog(store, chooser=lambda parent: file)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.file_row.browse, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)

    assert dialog.table.rowCount() == 0
    assert "Left out as not yours: 1 row belong to other buyers: Workday 1" in (
        dialog.summary.text()
    )
