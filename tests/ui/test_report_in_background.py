"""Reports ▸ Save report… writes the CSV off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from tracker.services.reports import REPORTS, Report, ReportOptions
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.reports.save_report import SaveReportDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def store(demo_file_store: LedgerStore) -> LedgerStore:
    return demo_file_store


def endless_rows(_db: object, _options: ReportOptions) -> Iterator[Sequence[object]]:
    """A report too long to wait for: rows keep coming until the work is cancelled."""
    n = 0
    while True:
        n += 1
        if n % 100 == 0:
            time.sleep(0.001)
        yield (n, "row")


def test_a_report_is_written_on_a_worker_thread(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path
) -> None:
    target = tmp_path / "deliveries.csv"
    dialog = SaveReportDialog(store, chooser=lambda _p, _n: target, report="deliveries")
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.wait()

    assert dialog.operation is not None
    assert dialog.operation.thread_name not in ("", threading.main_thread().name)
    assert target.read_text().startswith("contract,")
    assert (tmp_path / "deliveries.csv.receipt.json").exists()
    assert dialog.status.text().startswith("Saved ")


def test_a_long_report_shows_progress_and_cancel_writes_nothing(
    qtbot: QtBot, store: LedgerStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = Report("slow", "Slow", ("n", "text"), endless_rows)
    monkeypatch.setitem(REPORTS, "summary", slow)
    target = tmp_path / "slow.csv"
    dialog = SaveReportDialog(store, chooser=lambda _p, _n: target)
    qtbot.addWidget(dialog)
    shown: list[QProgressDialog] = []

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.operation is not None
    dialog.operation.progress_shown.connect(shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert not dialog.save_button.isEnabled()  # one report at a time
    qtbot.waitUntil(lambda: dialog.operation is not None and dialog.operation.progress.done > 0)
    cancel = shown[0].findChild(QPushButton)
    assert cancel is not None
    assert cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert dialog.wait(timeout=20)

    assert dialog.status.text() == "Cancelled: nothing was saved."
    assert list(tmp_path.glob("*slow.csv*")) == []  # no file, no temporary file, no receipt
    assert dialog.saved is None
    assert dialog.save_button.isEnabled()


def test_a_report_onto_the_open_ledger_is_refused_before_any_work(
    qtbot: QtBot, store: LedgerStore
) -> None:
    assert store.path is not None
    dialog = SaveReportDialog(store, chooser=lambda _p, _n: store.path)
    qtbot.addWidget(dialog)

    dialog.save()

    assert dialog.operation is None
    assert dialog.status.text().startswith("Not saved:")
