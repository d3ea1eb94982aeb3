"""Reports ▸ Print report as PDF… reads its figures off the GUI thread, with Cancel."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from tracker.services.progress import Progress
from tracker.store.ledger import Ledger
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.reports import pdf_action
from tracker.ui.reports.pdf_action import PdfSave

pytestmark = pytest.mark.gui


@pytest.fixture
def store(demo_file_store: LedgerStore) -> LedgerStore:
    return demo_file_store


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_flags_and_summary_are_read_on_a_worker_thread(
    store: LedgerStore, parent: QWidget, tmp_path: Path
) -> None:
    target = tmp_path / "portfolio.pdf"
    save = PdfSave(store, parent, target)

    save.start()
    assert save.wait()

    assert save.operation.thread_name not in ("", threading.main_thread().name)
    assert save.result == target
    assert target.read_bytes().startswith(b"%PDF-")


def test_the_ledger_itself_is_refused_as_the_target_and_left_alone(
    store: LedgerStore, parent: QWidget
) -> None:
    assert store.path is not None
    before = Path(store.path).read_bytes()
    save = PdfSave(store, parent, Path(store.path))

    save.start()

    assert save.done
    assert save.result is None
    assert not save.cancelled
    assert "writing there would destroy your records" in str(save.error)
    assert Path(store.path).read_bytes() == before


def test_cancel_while_the_figures_are_read_writes_nothing(
    store: LedgerStore,
    parent: QWidget,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def slow_figures(_db: Ledger, _as_of: object, progress: Progress) -> object:
        while True:  # a ledger too large to wait for: only Cancel ends it
            progress.check()
            time.sleep(0.005)

    monkeypatch.setattr(pdf_action, "read_report_figures", slow_figures)
    target = tmp_path / "portfolio.pdf"
    save = PdfSave(store, parent, target)
    with qtbot.waitSignal(save.operation.progress_shown, timeout=5000) as shown:
        save.start()
    dialog = shown.args[0]
    assert isinstance(dialog, QProgressDialog)

    dialog.cancel()
    assert save.wait()

    assert save.cancelled
    assert save.result is None
    assert save.error == "Cancelled: the printable report was not saved."
    assert list(tmp_path.glob("portfolio*")) == []
