"""The ledger's health reports reach a Chinese window in Chinese: Tools → Check database…
for a healthy ledger and for one edited outside the app, and History's "Tampering
detected" box.  The reports carry messages (codes and parameters); the window words them
in its language, with its own menus as the advice and counts in its locale's format,
while the command line keeps its English wording (``describe``)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.factories import make_contract, make_delivery
from tracker.domain.messages import msg
from tracker.store.change_log import LOGGED_TABLES
from tracker.store.check import CheckReport
from tracker.store.database import open_database
from tracker.store.log_verify import LogReport, Mismatch
from tracker.ui import messages
from tracker.ui.audit.history_panel import HistoryPanel
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

# An English sentence left in the window: a few lowercase words in a row.
ENGLISH_WORDS = re.compile(r"\b[a-z]{3,} [a-z]{2,} [a-z]{2,}\b")


def _ledger(path: Path, *, tampered: bool) -> Path:
    """A ledger file with a contract and a 100 t delivery; ``tampered``: its tonnes
    then edited with plain sqlite3, outside the app (the change log still says 100 t)."""
    db = open_database(path)
    make_delivery(db, make_contract(db))
    db.close()
    if tampered:
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("update deliveries set tonnes_kg = 90000 where id = 1")
        conn.close()
    return path


def _window(path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    store = LedgerStore(open_database(path, create=False), path)
    window = MainWindow(store)
    qtbot.addWidget(window)
    yield window
    store.poll_timer.stop()
    store.db.close()


@pytest.fixture
def healthy(tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    """A window on a sound ledger file."""
    yield from _window(_ledger(tmp_path / "ledger.db", tampered=False), qtbot)


@pytest.fixture
def tampered(tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    """A window on a ledger file whose delivery was edited outside the app."""
    yield from _window(_ledger(tmp_path / "ledger.db", tampered=True), qtbot)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(title, text) of each information box the window shows."""
    boxes: list[tuple[str, str]] = []

    def information(_parent: Any, title: str, text: str, *_args: Any) -> Any:
        boxes.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", information)
    return boxes


def test_check_database_of_a_healthy_ledger_in_chinese(
    healthy: MainWindow, chinese: None, shown: list[tuple[str, str]]
) -> None:
    healthy.check_db_action.trigger()
    assert healthy.files.check_operation is not None
    assert healthy.files.check_operation.wait()  # read on a worker
    [(title, text)] = shown
    assert title == "检查数据库"
    lines = text.splitlines()
    assert lines[0] == "✓ 文件通过了 SQLite 完整性检查"
    assert lines[1] == "✓ 每条记录的关联（合同、交付）都指向存在的记录"
    assert re.fullmatch(
        r"✓ 变更日志完整，与数据表一致（共 \d+ 条，日志头 \d+:[0-9a-f]{64}）", lines[2]
    )
    assert lines[3] == "✓ 派生数据（核证状态、注销关联、保存的合计、分配与清单）一致"
    assert lines[4] == "账本状况良好，无需任何操作。"
    assert not ENGLISH_WORDS.search(text), text


def test_check_database_of_a_tampered_ledger_in_chinese(
    tampered: MainWindow, chinese: None, shown: list[tuple[str, str]]
) -> None:
    tampered.check_db_action.trigger()
    assert tampered.files.check_operation is not None
    assert tampered.files.check_operation.wait()  # read on a worker
    [(_title, text)] = shown
    assert (
        "✗ 变更日志与账本不符：不一致：交付记录 1："
        "与变更日志不符：吨数：现为 90000，日志记载为 100000"
    ) in text.splitlines()
    assert text.splitlines()[-1] == (
        "发现 1 个问题。请恢复最新的完好备份：用“文件 → 从备份恢复…”"
        "将其放回原位（当前文件会另行保留）。"
    )
    assert "carbon-tracker" not in text  # the window names its own menu, not the command
    assert not ENGLISH_WORDS.search(text), text


def test_check_database_in_an_english_window_names_the_menu(
    tampered: MainWindow, shown: list[tuple[str, str]]
) -> None:
    tampered.check_db_action.trigger()
    assert tampered.files.check_operation is not None
    assert tampered.files.check_operation.wait()  # read on a worker
    [(_title, text)] = shown
    assert (
        "✗ the change log does not match the ledger: mismatch: deliveries record 1: differs "
        "from the change log: Tonnes is 90000, the log says 100000"
    ) in text.splitlines()
    assert text.endswith(
        "1 problem(s) found. Restore the newest good backup: File → Restore from backup… "
        "puts it in place (the current file is kept aside)."
    )


def test_history_reports_tampering_in_chinese(
    tampered: MainWindow, chinese: None, qtbot: QtBot
) -> None:
    panel = HistoryPanel(tampered.store)
    qtbot.addWidget(panel)
    assert panel.verify().wait()  # read on a worker
    assert panel.verify_result.text() == (
        "检测到篡改：\n不一致：交付记录 1：与变更日志不符：吨数：现为 90000，日志记载为 100000"
    )


def test_history_reports_an_intact_log_in_chinese(
    healthy: MainWindow, chinese: None, qtbot: QtBot
) -> None:
    panel = HistoryPanel(healthy.store)
    qtbot.addWidget(panel)
    assert panel.verify().wait()  # read on a worker
    assert re.fullmatch(r"变更日志完整：共 \d+ 条，数据表与日志一致。", panel.verify_result.text())


def test_a_damaged_ledger_is_worded_with_the_windows_menus(chinese: None) -> None:
    report = LogReport(
        damage=[
            msg("log.integrity_failed", problems="row 1 missing from index deliveries_reference"),
            msg("log.damage_advice"),
        ]
    )
    assert messages.log_report(report) == (
        "已损坏：账本文件未通过完整性检查：row 1 missing from index deliveries_reference\n"
        "已损坏：请使用“工具 → 检查数据库…”，然后恢复最新的完好备份（“文件 → 从备份恢复…”）"
    )  # SQLite's own words stay as SQLite wrote them
    assert report.describe().splitlines()[-1] == (
        "damaged: run `carbon-tracker check-db`, then restore the newest good backup "
        "(`carbon-tracker restore`)"
    )


def test_counts_follow_the_windows_locale_and_stay_plain_on_the_command_line(
    chinese: None,
) -> None:
    problem = msg("log.not_logged")
    report = LogReport(mismatches=[Mismatch("settings", 9, problem)], mismatch_count=1235)
    assert messages.log_report(report).splitlines() == [
        "不一致：设置记录 9：在数据表中，但不在变更日志中",
        "…另有 1,234 处不一致",
    ]
    assert report.describe().splitlines()[-1] == "… and 1234 more mismatches"
    stale = msg("check.stale_totals", count=1, ids="4", done=msg("check.recompute_later"))
    check = CheckReport(findings=[stale])
    assert messages.check_report(check).splitlines()[0] == (
        "✗ 1 份合同保存的合计与其记录不符（编号 4）：请以可写方式打开账本并再次检查，以重新计算"
    )
    assert "run check-db again" in check.describe()


def test_every_report_line_is_worded_in_chinese(chinese: None) -> None:
    """Each health-report template has a finished translation: none reaches the window
    in English."""
    from tracker.domain.report_catalogue import REPORT_TEMPLATES

    untranslated = []
    for code, template in REPORT_TEMPLATES.items():
        params = {name: "X1" for name in re.findall(r"\{(\w+)\}", template)}
        worded = messages.text(msg(code, **params))
        if ENGLISH_WORDS.search(worded.replace("carbon-tracker", "")):
            untranslated.append(f"{code}: {worded}")
    assert untranslated == []
    for table in LOGGED_TABLES:  # each logged table's records have a name of their own
        assert Mismatch(table, 1, msg("log.not_logged")).record().code != "log.record"
