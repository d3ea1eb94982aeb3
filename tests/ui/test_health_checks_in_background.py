"""Check database… and History's Verify run on a worker with their own read connection
(a million-entry log takes seconds), show progress with Cancel when they run long, and
the window repairs the kept totals a check found wrong on its own connection."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.factories import make_contract, make_delivery
from tracker.services.progress import Cancelled, Progress
from tracker.store import positions
from tracker.store.database import open_database
from tracker.store.log_verify import verify_log
from tracker.ui.audit.history_panel import HistoryPanel
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow
from tracker.ui.operations import ReadOperation

pytestmark = pytest.mark.gui


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    db = open_database(path)
    make_delivery(db, make_contract(db))
    db.close()
    return path


@pytest.fixture
def window(ledger: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    store = LedgerStore(open_database(ledger, create=False), ledger)
    main = MainWindow(store)
    qtbot.addWidget(main)
    yield main
    store.poll_timer.stop()
    store.db.close()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    boxes: list[str] = []

    def information(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        boxes.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", information)
    return boxes


def test_check_database_reads_on_a_worker(window: MainWindow, shown: list[str]) -> None:
    window.check_db_action.trigger()
    operation = window.files.check_operation
    assert operation is not None
    assert operation.wait()
    assert operation.thread_name
    assert operation.thread_name != threading.main_thread().name
    [text] = shown
    assert text.splitlines()[-1] == "The ledger is healthy: nothing to do."


def test_wrong_kept_totals_are_recomputed_by_the_window(
    ledger: Path, qtbot: QtBot, shown: list[str]
) -> None:
    conn = sqlite3.connect(ledger)
    with conn:
        conn.execute("update contract_positions set delivered_kg = delivered_kg + 1000")
    conn.close()
    store = LedgerStore(open_database(ledger, create=False), ledger)
    main = MainWindow(store)
    qtbot.addWidget(main)
    try:
        main.check_db_action.trigger()
        assert main.files.check_operation is not None
        assert main.files.check_operation.wait()
        [text] = shown
        assert "kept totals differed from their records" in text
        assert "recomputed from the records now" in text
        assert positions.disagreeing(store.db) == []
    finally:
        store.poll_timer.stop()
        store.db.close()


def test_verify_reads_on_a_worker(window: MainWindow) -> None:
    panel = window.audit.history
    operation = panel.verify()
    assert operation.wait()
    assert operation.thread_name != threading.main_thread().name
    assert panel.verify_result.text().startswith("Change log intact:")
    assert panel.verify_button.isEnabled()


def test_a_cancelled_verification_says_so(window: MainWindow) -> None:
    panel: HistoryPanel = window.audit.history
    panel._verify_failed(Cancelled())
    assert panel.verify_result.text() == "Cancelled: the change log was not checked."
    assert panel.verify_button.isEnabled()


def test_the_walk_stops_when_its_step_raises(ledger: Path) -> None:
    progress = Progress()
    progress.cancel()
    db = open_database(ledger)
    try:
        with pytest.raises(Cancelled):
            verify_log(db, step=progress.advance)
    finally:
        db.close()


def test_cancel_interrupts_the_statement_a_read_operation_runs(window: MainWindow) -> None:
    began = threading.Event()

    def crawling(db: Any, _progress: Progress) -> Any:
        # each few steps pause: this integrity check alone would take about 45 s
        db.conn.set_progress_handler(lambda: began.set() or time.sleep(0.05) or 0, 5)
        return db.execute("PRAGMA integrity_check").fetchall()

    operation = ReadOperation(window.store, crawling, "Checking…", window)
    failures: list[object] = []
    operation.failed.connect(failures.append)
    operation.start()
    assert began.wait(10)

    operation.cancel()

    assert operation.wait(20)  # far sooner than the statement's 45 s
    assert len(failures) == 1
    assert isinstance(failures[0], Cancelled)
