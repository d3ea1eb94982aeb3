"""The Reports menu of the main window, driven as a user would: menu, dialog, file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.factories import counts, make_contract, make_delivery
from tests.services.registry_files import gs_file, gs_row
from tracker.domain.flags import Flag
from tracker.services.contracts import resolve_reference
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.reports import pdf_action

pytestmark = pytest.mark.gui

SERIAL = "GS1-1-KE-GS11603-16-2025-30256-1-100"


@pytest.fixture
def main(store: LedgerStore, window: Any) -> Any:
    make_contract(store.db, reference="C-1", registry="gold-standard")
    make_contract(store.db, reference="C-2", registry="gold-standard")
    window.store.reset.emit()  # the contracts were added after the window was shown
    return window


def _menu_action(window: Any, text: str) -> Any:
    for action in window.reports_menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no Reports menu entry {text!r}")


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def _open_from(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _select(window: Any, reference: str) -> None:
    window.select_contract(resolve_reference(window.store.db, reference).id)


def test_reports_menu_sits_between_records_and_view(main: Any) -> None:
    titles = [a.text().replace("&", "") for a in main.menuBar().actions()]

    assert titles.index("Reports") == titles.index("Records") + 1
    assert titles.index("View") == titles.index("Reports") + 1
    entries = [a.text().replace("&", "") for a in main.reports_menu.actions() if a.text()]
    assert entries == [
        "Save report…",
        "Print report as PDF…",
        "Import registry file…",
        "Reconcile with registry file…",
    ]


def test_save_report_offers_every_report(main: Any) -> None:
    _menu_action(main, "Save report…").trigger()
    combo = main.reports.dialog.report

    offered = [combo.itemData(i) for i in range(combo.count())]

    assert offered == [
        "summary",
        "schedule",
        "deliveries",
        "retirements",
        "invalidations",
        "claims",
        "flags",
        "history",
    ]


def test_save_report_writes_the_contract_in_view_with_a_bom(
    qtbot: QtBot, main: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "summary.csv"
    _save_to(monkeypatch, target)
    _select(main, "C-2")
    _menu_action(main, "Save report…").trigger()
    dialog = main.reports.dialog
    dialog.bom.setChecked(True)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    lines = target.read_bytes().decode("utf-8").splitlines()
    assert lines[0].startswith("\ufeffcontract,supplier")
    assert [line.split(",")[0] for line in lines[1:]] == ["C-2", "TOTAL"]


def test_save_history_report_for_a_period_that_excludes_everything(
    qtbot: QtBot, main: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "history.csv"
    _save_to(monkeypatch, target)
    _menu_action(main, "Save report…").trigger()
    dialog = main.reports.dialog
    dialog.report.setCurrentIndex(dialog.report.findData("history"))
    dialog.date_to.enabled.setChecked(True)
    dialog.date_to.edit.setDate(dialog.date_to.edit.date().addYears(-50))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert target.read_text().splitlines() == [
        "seq,logged_at,user,action,table,record_id,contract,before,after,hash"
    ]
    assert "Saved 0 rows" in dialog.status.text()


def test_registry_import_from_the_menu_refreshes_the_deliveries_tab(
    qtbot: QtBot, main: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row(serial=SERIAL)))
    _open_from(monkeypatch, file)
    _select(main, "C-1")
    main.show_tab("deliveries")
    _menu_action(main, "Import registry file…").trigger()
    wizard = main.reports.dialog
    assert wizard.contract.currentData() == "C-1"

    qtbot.mouseClick(wizard.file_row.browse, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.preview_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)

    assert counts(main.store.db)["deliveries"] == 1
    model = main.deliveries.proxy
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    serial_column = main.deliveries.model.column_of("serial_block")
    assert model.index(0, serial_column).data() == SERIAL


def test_reconcile_from_the_menu_lists_findings(
    qtbot: QtBot, main: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_delivery(
        main.store.db,
        1,
        registry="gold-standard",
        delivered_on="2026-03-31",
        verified_on="2026-03-31",
        serial_block=SERIAL,
    )
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row(status="Retired", retired="2026-04-10", entity="Buyer Co")))
    _open_from(monkeypatch, file)
    _menu_action(main, "Reconcile with registry file…").trigger()
    dialog = main.reports.dialog

    qtbot.mouseClick(dialog.file_row.browse, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)

    assert dialog.table.text(0, 1) == "Differs from the registry"
    assert counts(main.store.db)["retirements"] == 0


def test_print_pdf_writes_the_file_with_the_open_flags(
    main: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "portfolio"
    _save_to(monkeypatch, target)
    make_delivery(  # more than the 1,000 t contracted
        main.store.db,
        1,
        registry="gold-standard",
        tonnes="2000",
        serial_block="GS1-1-KE-GS11603-16-2025-30256-1-2000",
    )
    written: list[list[Flag]] = []
    real_writer = pdf_action.write_portfolio_pdf

    def spy(store: LedgerStore, path: Path, flags: list[Flag], **options: Any) -> Path:
        written.append(list(flags))
        return real_writer(store, path, flags, include_chart=False, **options)

    monkeypatch.setattr(pdf_action, "write_portfolio_pdf", spy)

    _menu_action(main, "Print report as PDF…").trigger()
    assert main.reports.pdf_save.wait()

    saved = tmp_path / "portfolio.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert "OVER_DELIVERY" in [f.rule for f in written[0]]
    assert str(saved) in main.statusBar().currentMessage()
    assert QApplication.overrideCursor() is None  # the busy cursor is gone again


def test_save_report_period_is_offered_up_to_the_as_of_date(main: Any) -> None:
    _menu_action(main, "Save report…").trigger()
    dialog = main.reports.dialog

    dialog.date_from.enabled.setChecked(True)
    dialog.date_to.enabled.setChecked(True)

    as_of = main.store.as_of
    assert dialog.date_from.value() == as_of.replace(month=1, day=1)
    assert dialog.date_to.value() == as_of


def test_undo_takes_back_a_registry_import_and_redo_repeats_it(
    qtbot: QtBot, main: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row(serial=SERIAL)))
    _open_from(monkeypatch, file)
    _select(main, "C-1")
    _menu_action(main, "Import registry file…").trigger()
    wizard = main.reports.dialog
    qtbot.mouseClick(wizard.file_row.browse, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.preview_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    assert main.undo_action.text() == "&Undo Import gs.csv"

    main.undo_action.trigger()

    assert counts(main.store.db)["deliveries"] == 0
    qtbot.waitUntil(lambda: main.deliveries.proxy.rowCount() == 0)
    main.redo_action.trigger()
    assert counts(main.store.db)["deliveries"] == 1


def test_a_refused_import_leaves_nothing_to_undo(
    qtbot: QtBot, main: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row(serial=SERIAL)))
    _open_from(monkeypatch, file)
    _select(main, "C-1")
    _menu_action(main, "Import registry file…").trigger()
    wizard = main.reports.dialog
    qtbot.mouseClick(wizard.file_row.browse, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.preview_button, Qt.MouseButton.LeftButton)
    file.write_bytes(b"not a registry export\n")  # the file changed after the preview

    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)

    assert counts(main.store.db)["deliveries"] == 0
    assert not main.store.undo_stack.canUndo()
    assert "nothing was imported" in wizard.summary.text()


def test_save_report_adds_csv_to_a_name_without_extension(
    qtbot: QtBot, main: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _save_to(monkeypatch, tmp_path / "q3-claims")
    _menu_action(main, "Save report…").trigger()
    dialog = main.reports.dialog
    dialog.report.setCurrentIndex(dialog.report.findData("claims"))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert (tmp_path / "q3-claims.csv").read_text().startswith("claim_year,purpose")
