"""Refusals the window shows in message boxes and status lines are worded in its language
when the error carries a message code (a record gone, the ledger busy, a file that
cannot be read); a file the system could not write is named with the system's own
reason.  The command line keeps the English wording."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.factories import contract_data, make_contract, make_delivery
from tracker.domain.errors import ImportRefused, NotFoundError, not_found
from tracker.domain.messages import msg
from tracker.services import tracker_csv
from tracker.services.audit.verifications import delete_verification
from tracker.store.unit_of_work import BusyError
from tracker.ui import errors, messages
from tracker.ui.audit.verifications_dialog import VerificationsDialog
from tracker.ui.chart import ChartPanel
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.reports import RegistryImportDialog
from tracker.ui.reports.save_report import SaveReportDialog

pytestmark = pytest.mark.gui


def test_a_missing_record_is_refused_with_a_message_code(chinese: None) -> None:
    refusal = not_found("contracts", 7)
    assert isinstance(refusal, NotFoundError)
    assert str(refusal) == "contract 7 does not exist"  # the command line's English
    assert refusal.reason_message is not None
    assert refusal.reason_message.code == "error.not_found"
    assert messages.error(refusal) == "合同 7 不存在"
    assert messages.error(not_found("deliveries", 12)) == "交付记录 12 不存在"


def test_a_tracker_file_row_refused_for_a_missing_record_is_worded_in_chinese(
    db: sqlite_utils.Database, chinese: None
) -> None:
    """A row refused by an error other than a refused value keeps that error's message."""

    def gone(_db: sqlite_utils.Database, _row: Mapping[str, str]) -> None:
        raise not_found("deliveries", 12)

    text = ",".join(tracker_csv.header("contracts")) + "\n" + ",".join(contract_data().values())
    with pytest.raises(ImportRefused) as refused:
        tracker_csv.run_import(db, "contracts", text, "c.csv", gone)
    [row] = refused.value.errors
    assert row.reason == "delivery 12 does not exist"
    assert row.reason_message is not None
    assert row.reason_message.code == "error.not_found"
    assert messages.refusal(refused.value) == (
        "c.csv：1 处错误，未导入任何内容：\n  第 2 行，(row) 列：交付记录 12 不存在"
    )


def test_the_error_box_words_a_refusal_of_the_ledger_in_chinese(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, chinese: None
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    parent = QWidget()
    qtbot.addWidget(parent)

    def write() -> None:
        raise BusyError(msg("error.ledger_busy"))

    errors.guarded(parent, write)()
    assert shown == [
        "账本正忙：另一个程序（导入或另一个窗口）锁定账本已超过 5 秒；"
        "未做任何更改，请待其完成后重试"
    ]


def test_a_verification_record_deleted_elsewhere_is_refused_in_chinese(
    store: LedgerStore, qtbot: QtBot, db: sqlite_utils.Database, chinese: None
) -> None:
    pending = make_delivery(
        db, make_contract(db), verification_status="pending", verifier="", verified_on=""
    )
    dialog = VerificationsDialog(store, pending)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.verifier, "Earthood")
    qtbot.keyClicks(dialog.verified_tonnes, "100")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.table.selectRow(0)
    record = dialog.records[0]
    assert record.id is not None
    delete_verification(db, record.id)  # another window deleted it meanwhile
    dialog._apply("delete")
    assert dialog.error.text() == f"核证记录 {record.id} 不存在"


def test_a_chart_that_cannot_be_written_is_refused_in_chinese_naming_the_file(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, store: LedgerStore, chinese: None
) -> None:
    target = "/read-only/chart.png"
    warned: list[str] = []
    panel = ChartPanel(store)
    qtbot.addWidget(panel)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (target, ""))
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_a: warned.append(text)
    )

    def refuse(path: Any) -> Path:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(panel, "export_png", refuse)
    assert panel.export_png_dialog() is None
    assert warned == ["无法写入 /read-only/chart.png：Permission denied"]


def test_a_registry_file_that_cannot_be_read_is_refused_in_chinese(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path, chinese: None
) -> None:
    missing = tmp_path / "gone.csv"
    dialog = RegistryImportDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.file_row.path_edit, str(missing))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == f"{missing}：无法读取（No such file or directory）"


def test_a_report_that_cannot_be_written_names_the_file_and_the_reason_in_chinese(
    qtbot: QtBot, demo_file_store: LedgerStore, tmp_path: Path, chinese: None
) -> None:
    target = tmp_path / "summary.csv"
    target.mkdir()  # a folder of that name: no file can be written there
    dialog = SaveReportDialog(demo_file_store, chooser=lambda _parent, _name: target)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.wait()
    assert dialog.status.text() == f"未保存：无法写入 {target}：Is a directory"


def test_an_os_failure_names_the_file_and_the_systems_reason() -> None:
    refused = PermissionError(13, "Permission denied", "/x/report.csv")
    assert messages.error(refused) == "Cannot write /x/report.csv: Permission denied"
    assert messages.error(OSError("no reason given"), "/x/chart.png") == (
        "Cannot write /x/chart.png."
    )
