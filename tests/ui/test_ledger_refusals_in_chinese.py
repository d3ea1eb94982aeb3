"""Refusals about ledger files reach a Chinese window in Chinese: a file that is not a
ledger, a ledger another user holds, a copy that would overwrite a ledger or cannot be
written, and a record changed elsewhere, which names the fields by their labels ("吨数",
"Term ends") rather than their columns (``tonnes_kg``).  The command line keeps its
English wording, column names included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.factories import contract_data, make_contract
from tests.ui.gui_helpers import press_ok
from tracker.services.contracts import update_contract
from tracker.store import backups
from tracker.store.database import DatabaseError, inspect, open_database
from tracker.store.lock import LockHeld, lock_path
from tracker.store.targets import LedgerTargetError
from tracker.store.unit_of_work import StaleEditError
from tracker.ui import messages
from tracker.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

NOT_A_LEDGER_ZH = (
    "{file}：不是本工具的账本文件（不是 SQLite 数据库）；文件未被改动。请检查路径，或从备份恢复账本"
)
NOT_A_LEDGER_EN = (
    "{file}: not a tracker ledger file (not an SQLite database); it was left untouched. "
    "Check the path, or restore the ledger from a backup"
)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every message box the window shows (answered Cancel / closed)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    return shown


def _choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def test_opening_a_file_that_is_not_a_ledger_is_refused_in_chinese(
    window: MainWindow,
    chinese: None,
    boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("meeting notes, not a ledger\n", encoding="utf-8")
    _choose_file(monkeypatch, notes)
    window.open_action.trigger()  # File → Open…
    assert boxes == [NOT_A_LEDGER_ZH.format(file=notes)]
    with pytest.raises(DatabaseError) as refused:  # the command line's English
        inspect(notes)
    assert str(refused.value) == NOT_A_LEDGER_EN.format(file=notes)


def test_a_ledger_locked_by_another_user_is_refused_in_chinese(
    window: MainWindow,
    chinese: None,
    boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    book = tmp_path / "book.db"
    open_database(book).close()
    holder = {
        "name": "bob",
        "pid": 4242,
        "host": "bobs-laptop",
        "since": "2026-11-29T01:26:51Z",
        "program": "Carbon Tracker",
    }
    lock_path(book).write_text(json.dumps(holder), encoding="utf-8")
    _choose_file(monkeypatch, book)
    window.open_action.trigger()
    refusal = (
        f"{book}：正以写入方式打开，使用者为 bob（Carbon Tracker，进程 4242，位于 bobs-laptop），"
        "自 2026/11/29 01:26 UTC 起；请先在那里关闭，或以只读方式打开账本。"
        f"如果 bobs-laptop 已崩溃且没有人在那里使用该账本，请删除 {lock_path(book)} 以解除锁定"
    )
    # asked whether to open it read-only, then (declined) told why it stays closed
    assert boxes == [f"{refusal}\n\n以只读方式打开？", refusal]
    assert window.store.path != book


def test_the_lock_is_refused_in_english_on_the_command_line(tmp_path: Path) -> None:
    from tracker.store.lock import Holder

    held = LockHeld(
        tmp_path / "book.db", Holder("bob", 4242, "bobs-laptop", "2026-11-29T01:26:51Z")
    )
    assert str(held) == (
        f"{tmp_path / 'book.db'}: is open for writing by bob (Carbon Tracker, process 4242 on "
        "bobs-laptop) since 2026-11-29T01:26:51Z; close it there first, or open the ledger "
        "read-only. If bobs-laptop crashed and nobody uses the ledger there, delete "
        f"{tmp_path / 'book.db.lock'} to free it"
    )


def test_a_copy_over_a_ledger_or_one_that_cannot_be_written_is_refused_in_chinese(
    window: MainWindow, chinese: None, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    open_database(other).close()
    with pytest.raises(LedgerTargetError) as refused:
        window.files.copy_to(other)
    assert messages.error(refused.value) == (
        f"{other}：是碳信用追踪器的账本；报告或副本绝不会替换账本。请选择其他文件名"
    )
    assert str(refused.value) == (
        f"{other}: is a Carbon Tracker ledger; a report or copy never replaces a ledger. "
        "Choose another file name"
    )
    target = tmp_path / "missing-folder" / "copy.db"
    with pytest.raises(backups.BackupError) as failed:
        window.files.copy_to(target)
    assert messages.error(failed.value).startswith(f"{target}：无法写入副本（")
    assert messages.error(failed.value).endswith("）；未做任何更改")


def _edit_contract_changed_elsewhere(
    window: MainWindow, qtbot: QtBot, db: sqlite_utils.Database
) -> str:
    """Open the contract's dialog, let 'another window' change its tonnes and term, then
    press OK on an edit of the notes: what the dialog says."""
    contract_id = make_contract(db)
    window.store.reset.emit()
    window.select_contract(contract_id)
    dialog = window.records.edit_contract()
    assert dialog is not None
    update_contract(db, contract_id, contract_data(tonnes="2000", end_on="2028-12-31"))
    dialog.editors["notes"].setPlainText("my edit")  # type: ignore[attr-defined]
    press_ok(qtbot, dialog)
    shown = dialog.general_error.text() if dialog.general_error.isVisibleTo(dialog) else ""
    dialog.close()
    return shown


def test_a_record_changed_elsewhere_names_its_fields_by_label_in_chinese(
    window: MainWindow, qtbot: QtBot, db: sqlite_utils.Database, chinese: None
) -> None:
    shown = _edit_contract_changed_elsewhere(window, qtbot, db)
    assert shown == "合同 1 在您打开之后已在别处被修改（期限结束、吨数）；请重新载入后再编辑一次"


def test_a_record_changed_elsewhere_names_its_fields_by_label_in_english(
    window: MainWindow, qtbot: QtBot, db: sqlite_utils.Database
) -> None:
    shown = _edit_contract_changed_elsewhere(window, qtbot, db)
    assert "(Term ends, Tonnes)" in shown, shown
    assert "tonnes_kg" not in shown


def test_the_command_line_names_the_changed_columns(db: sqlite_utils.Database) -> None:
    from tracker.store.unit_of_work import UnitOfWork, expecting

    contract_id = make_contract(db)
    row = db["contracts"].get(contract_id)
    update_contract(db, contract_id, contract_data(tonnes="2000", end_on="2028-12-31"))
    with (
        pytest.raises(StaleEditError) as refused,
        expecting({("contracts", contract_id): row}),
        UnitOfWork(db) as uow,
    ):
        uow.update("contracts", contract_id, {"notes": "mine"})
    assert str(refused.value) == (
        "contract 1 was changed elsewhere since you opened it (end_on, tonnes_kg); reload and "
        "make your edit again"
    )
