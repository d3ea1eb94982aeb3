"""Read the ledger off the GUI thread: the newest request wins, stale results are dropped.

``BackgroundJob.request(work)`` runs ``work(reader)`` on a ``QThreadPool`` thread with
a read-only connection of its own (WAL lets it read beside the window's writer) and
hands the result to ``apply`` on the GUI thread.  One request runs at a time; a
request made meanwhile supersedes the running one, whose result is then dropped and
the newest request run instead.  An in-memory ledger cannot be opened twice: its
requests run at once on the window's connection.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
    SignalInstance,
    Slot,
)

from tracker.store.ledger import Ledger
from tracker.store.readers import can_read_beside, is_open, open_reader
from tracker.ui.ledger_store import LedgerStore

Work = Callable[[Ledger], Any]


_IN_FLIGHT: set[object] = set()


class _Release(QObject):
    """Lets go of a run once its result has reached the GUI thread (where this lives)."""

    def __init__(self, run: QRunnable) -> None:
        super().__init__()
        self.held: tuple[QRunnable, _Release] | None = (run, self)

    @Slot()
    def done(self) -> None:
        _IN_FLIGHT.discard(self.held)
        self.held = None


def report(finished: SignalInstance, generation: int, result: object) -> None:
    """Emit a run's result from the pool thread.  When the application is shutting down
    its carrier may be gone already: there is no one left to tell, so nothing is lost."""
    with contextlib.suppress(RuntimeError):  # "Signal source has been deleted"
        finished.emit(generation, result)


def keep_until_reported(run: QRunnable, finished: SignalInstance) -> None:
    """Keep ``run`` (and whatever it refers to, its signal carrier) alive until ``finished``
    has been delivered on the GUI thread.

    Otherwise the pool could free the runnable, or Python its carrier, on the pool's
    thread while the queued result is still on its way, or while the job that asked for
    it is being closed: a crash, not an exception.  Call on the GUI thread.
    """
    run.setAutoDelete(False)
    release = _Release(run)
    finished.connect(release.done)  # queued: the release lives on the GUI thread
    _IN_FLIGHT.add(release.held)


class _Signals(QObject):
    finished = Signal(int, object)  # generation, the result or the exception raised


class _Run(QRunnable):
    def __init__(self, path: Path, work: Work, generation: int, signals: _Signals) -> None:
        super().__init__()
        self.path, self.work, self.generation, self.signals = path, work, generation, signals

    def run(self) -> None:
        try:
            db = open_reader(self.path)
            try:
                result = self.work(db)
            finally:
                db.close()
        except Exception as exc:  # shown on the GUI thread, not lost in the pool
            result = exc
        report(self.signals.finished, self.generation, result)


def start_reading(
    path: Path, work: Work, generation: int, deliver: Callable[[int, object], None]
) -> None:
    """Run ``work(reader)`` on the pool; ``deliver(generation, result or exception)`` is
    called on the GUI thread (``deliver`` must be a slot of an object living there)."""
    signals = _Signals()
    signals.finished.connect(deliver)
    run = _Run(path, work, generation, signals)
    keep_until_reported(run, signals.finished)
    QThreadPool.globalInstance().start(run)


class BackgroundJob(QObject):
    busy_changed = Signal(bool)

    def __init__(
        self, store: LedgerStore, apply: Callable[[Any], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.apply = apply
        self.generation = 0
        self.dropped = 0
        self._latest: Work | None = None
        self._running = False

    @property
    def pending(self) -> bool:
        return self._running

    def request(self, work: Work) -> None:
        self.generation += 1
        if not can_read_beside(self.store.path):
            self.apply(work(self.store.db))
            return
        self._latest = work
        if not self._running:
            self._start()

    def _start(self) -> None:
        assert self._latest is not None
        assert self.store.path is not None
        self._running = True
        self.busy_changed.emit(True)
        start_reading(Path(self.store.path), self._latest, self.generation, self._finished)

    def _finished(self, generation: int, result: object) -> None:
        self._running = False
        if generation != self.generation:
            self.dropped += 1
            self._start()
            return
        self.busy_changed.emit(False)
        if not is_open(self.store.db):
            return  # the window closed its ledger meanwhile: nothing to show
        if isinstance(result, BaseException):
            raise result
        self.apply(result)

    def wait(self, timeout: float = 120.0) -> bool:
        """Process events until no request is pending (a screenshot, a test)."""
        deadline = time.monotonic() + timeout
        while self._running and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.005)
        return not self._running
