"""The registry import wizard words refused rows in the window's language."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.factories import make_contract
from tests.services.registry_files import acr_file, acr_retirement, gs_file, gs_row
from tracker.domain.errors import RowError
from tracker.domain.messages import msg
from tracker.ui import messages
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.reports import RegistryImportDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def store(db: sqlite_utils.Database) -> LedgerStore:
    make_contract(db, reference="C-1", registry="gold-standard", registry_project_ids="GS11603")
    return LedgerStore(db, None)


def _reasons(qtbot: QtBot, store: LedgerStore, file: Path) -> list[str]:
    dialog = RegistryImportDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.file_row.path_edit, str(file))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    last = dialog.table.columnCount() - 1
    return [dialog.table.text(r, last) for r in range(dialog.table.rowCount())]


def test_the_wizard_shows_a_refused_row_in_chinese(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path, chinese: None
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row(status="Retired", retired="2026-04-10", entity="Buyer Co")))

    [reason] = _reasons(qtbot, store, file)

    assert reason == (
        "'GS1-1-KE-GS11603-16-2025-30256-1-100' 不在账本的任何交付中：请先导入其交付，"
        "或将其记为已交付并已注销（勾选上方的“将无对应交付的已注销序列号段记录为已交付并已注销”）"
    )


def test_the_wizard_shows_a_refused_cell_in_chinese_and_in_english(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path, qapp: object
) -> None:
    file = tmp_path / "acr.csv"
    file.write_bytes(acr_file(acr_retirement(quantity="-1")))
    assert _reasons(qtbot, store, file) == ["'-1' must not be negative"]

    from tracker import i18n

    i18n.install(qapp, "zh_CN")
    try:
        assert _reasons(qtbot, store, file) == ["'-1' 不能为负数"]
    finally:
        i18n.install(qapp, "en")


def test_a_row_error_without_a_message_is_shown_as_given(chinese: None) -> None:
    assert messages.row_reason(RowError(3, "x", "is odd")) == "is odd"
    worded = RowError(3, "x", "'a' is required", msg("error.required"), "'a' ")
    assert messages.row_reason(worded) == "'a' 为必填项"


def test_a_file_refused_when_importing_is_listed_in_chinese(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path, chinese: None
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row()))
    dialog = RegistryImportDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.file_row.path_edit, str(file))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.import_button.isEnabled()
    file.write_bytes(gs_file(gs_row(quantity="-1")))  # changed after the preview

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert dialog.summary.text() == (
        f"{file}：1 处错误，未导入任何内容：\n  第 2 行，Quantity 列：'-1' 不能为负数"
    )
    assert dialog.table.rowCount() == 0


def test_the_reconcile_dialog_lists_refused_rows_in_chinese(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path, chinese: None
) -> None:
    from tracker.ui.reports import ReconcileDialog

    file = tmp_path / "acr.csv"
    file.write_bytes(acr_file(acr_retirement(quantity="-1")))
    dialog = ReconcileDialog(store, chooser=lambda parent: file)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.file_row.browse, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)

    assert dialog.summary.text() == (
        f"{file}：1 处错误，未导入任何内容：\n  第 2 行，Quantity of Credits 列：不能为负数"
    )


def test_contracts_sharing_a_project_are_listed_in_chinese(
    qtbot: QtBot, db: sqlite_utils.Database, tmp_path: Path, chinese: None
) -> None:
    for ref in ("GS-A", "GS-B", "GS-C"):
        make_contract(db, reference=ref, registry="gold-standard", registry_project_ids="11603")
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row()))

    [reason] = _reasons(qtbot, LedgerStore(db, None), file)

    assert reason == "项目 11603 属于合同 GS-A、GS-B 和 GS-C：请选择合同（在上方的“合同”中）"


def test_the_wizard_words_skipped_rows_in_chinese(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path, chinese: None
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row(status="Retired", retired="2026-04-10", entity="Other Co")))

    [reason] = _reasons(qtbot, store, file)

    assert reason == "属于其他买方（Other Co）：不是您自己的名称之一（工具 → 审计设置）"


def test_the_wizard_names_its_contract_chooser_in_place_of_the_option(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path, qapp: object
) -> None:
    make_contract(store.db, reference="C-2", registry="gold-standard", registry_project_ids="9")
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row()))
    dialog = RegistryImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.contract.setCurrentIndex(dialog.contract.findData("C-2"))
    qtbot.keyClicks(dialog.file_row.path_edit, str(file))

    def reason() -> str:
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        return dialog.table.text(0, dialog.table.columnCount() - 1)

    assert (
        reason() == "project 11603 belongs to contract C-1, not C-2 (chosen under “Contract” above)"
    )
    from tracker import i18n

    i18n.install(qapp, "zh_CN")
    try:
        assert reason() == "项目 11603 属于合同 C-1，而非 C-2（在上方的“合同”中所选）"
    finally:
        i18n.install(qapp, "en")


def test_the_wizard_words_a_tracker_files_header_refusal_in_chinese(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path, chinese: None
) -> None:
    from tracker.services.tracker_csv import header

    file = tmp_path / "deliveries.csv"
    file.write_text("\t".join([*header("deliveries"), "colour"]) + "\n", encoding="utf-8")
    dialog = RegistryImportDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.file_row.path_edit, str(file))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    assert dialog.summary.text() == (
        f"{file}：1 处错误，未导入任何内容：\n"
        "  第 1 行，colour 列：不是 deliveries 文件的列（文件使用 制表符 作为分隔符）"
    )


def test_the_wizard_words_a_file_of_no_known_layout_in_chinese(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path, chinese: None
) -> None:
    file = tmp_path / "x.csv"
    file.write_text("Vintage,Quantity\n2025,1\n", encoding="utf-8")
    dialog = RegistryImportDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.file_row.path_edit, str(file))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    assert dialog.summary.text() == (
        f"{file}：1 处错误，未导入任何内容：\n  第 1 行，header 列：不是本工具可识别的登记处"
        "导出文件：最接近的格式是 CAR project issuances，它需要以下列：'date issued', "
        "'total offset credits issued'"
    )


@pytest.mark.parametrize(
    ("data", "refusal"),
    [
        (
            b"Vintage,Quantity\n2025,\x001\n",
            "第 2 行，(file) 列：含有 NUL 字节：不是文本 CSV 文件（编码有误？）",
        ),
        (b"Vintage,vintage\n2025,1\n", "第 1 行，vintage 列：在表头中出现了不止一次"),
    ],
)
def test_the_wizard_words_a_refusal_of_reading_the_file_in_chinese(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path, chinese: None, data: bytes, refusal: str
) -> None:
    file = tmp_path / "x.csv"
    file.write_bytes(data)
    dialog = RegistryImportDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.file_row.path_edit, str(file))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    assert dialog.summary.text() == f"{file}：1 处错误，未导入任何内容：\n  {refusal}"
