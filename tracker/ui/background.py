"""Read the ledger off the GUI thread: the newest request wins, stale results are dropped.

``BackgroundJob.request(work)`` runs ``work(reader)`` on a ``QThreadPool`` thread with
a read-only connection of its own (WAL lets it read beside the window's writer) and
hands the result to ``apply`` on the GUI thread.  One request runs at a time; a
request made meanwhile supersedes the running one, whose result is then dropped and
the newest request run instead.  An in-memory ledger cannot be opened twice: its
requests run at once on the window's connection.

``start_reading(..., writes=True)`` runs work that writes (an import) the same way, on a
connection of its own that may write (``open_beside``); the work takes its own transaction.

Qt objects must be freed on the thread they live on, the GUI thread.  A worker must
therefore never be the one that lets go of the last reference to anything the
window made, and must never run Python's cyclic collector, which frees whatever
garbage it finds, windows and timers included, on the thread that happens to trigger
it.  So (``start_reading``):

- the work, its callback and its result are held in a *ticket* on the GUI thread from
  the request until the result has been handed over there; the worker keeps only the
  ticket's number and drops its own references before it posts the result;
- while any worker runs, the automatic collector is off (``CollectorGate``), and the
  GUI thread collects the young generations itself now and then; it is switched on
  again, on the GUI thread, once no worker runs.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

from tracker.store.database import open_beside
from tracker.store.ledger import Ledger
from tracker.store.readers import (
    can_read_beside,
    is_open,
    open_reader,
    snapshot,
    snapshot_beside,
)
from tracker.ui.ledger_store import LedgerStore

Work = Callable[[Ledger], Any]
Deliver = Callable[[int, object], None]

COLLECT_EVERY_MS = 500  # the GUI thread collects young garbage while workers run


class CollectorGate:
    """Keeps Python's automatic cyclic collector off while any worker runs.

    ``enter`` (GUI thread, before a worker starts) and ``leave`` (the worker's very last
    step) count the workers; ``settle`` (GUI thread) switches the collector on again
    once none runs.  A collector switched off by someone else stays off."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._paused = False

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def running(self) -> int:
        return self._running

    def enter(self) -> None:
        with self._lock:
            self._running += 1
        if not self._paused and gc.isenabled():
            gc.disable()
            self._paused = True

    def leave(self) -> None:
        with self._lock:
            self._running -= 1

    def settle(self) -> bool:
        """Switch the collector on again if no worker runs; whether it is still held off."""
        with self._lock:
            idle = self._running == 0
        if idle and self._paused:
            self._paused = False
            gc.enable()
        return self._paused


GATE = CollectorGate()


@dataclass
class _Ticket:
    path: Path
    work: Work | None
    generation: int
    deliver: Deliver
    writes: bool = False
    result: object = None


class _Postbox(QObject):
    """Lives on the GUI thread for the application's lifetime: holds every ticket and
    hands results over there."""

    arrived = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)
        self._tickets: dict[int, _Ticket] = {}
        self._ready: deque[int] = deque()
        self._collect = QTimer(self)
        self._collect.setInterval(COLLECT_EVERY_MS)
        self._collect.timeout.connect(self._collect_young)
        self.arrived.connect(self._hand_over, Qt.ConnectionType.QueuedConnection)

    def issue(self, ticket: _Ticket) -> int:
        number = next(self._numbers)
        with self._lock:
            self._tickets[number] = ticket
        return number

    def work_of(self, number: int) -> tuple[Path, Work, bool]:
        with self._lock:
            ticket = self._tickets[number]
            assert ticket.work is not None
            return ticket.path, ticket.work, ticket.writes

    def post(self, number: int, outcome: list[object]) -> None:
        """Worker thread: the result is ready.  It is taken out of ``outcome`` into the
        ticket, so that no reference to it stays on this thread once posted."""
        with self._lock:
            self._tickets[number].result = outcome.pop()
            self._ready.append(number)
        with contextlib.suppress(RuntimeError):  # the application is gone: no one to tell
            self.arrived.emit()

    @Slot()
    def _hand_over(self) -> None:
        with self._lock:
            ticket = self._tickets.pop(self._ready.popleft()) if self._ready else None
        try:
            if ticket is not None:
                receiver = getattr(ticket.deliver, "__self__", None)
                if not isinstance(receiver, QObject) or shiboken6.isValid(receiver):
                    ticket.deliver(ticket.generation, ticket.result)
        finally:
            self.settle()

    def settle(self) -> None:
        if GATE.settle():
            if not self._collect.isActive():
                self._collect.start()
        else:
            self._collect.stop()

    def _collect_young(self) -> None:
        self.settle()
        if GATE.paused:
            gc.collect(1)

    @property
    def outstanding(self) -> int:
        with self._lock:
            return len(self._tickets)


_POSTBOX: _Postbox | None = None


def postbox() -> _Postbox:
    """The application's postbox (made on first use, on the GUI thread)."""
    global _POSTBOX
    app = QCoreApplication.instance()
    assert app is not None, "background reads need a running Qt application"
    if _POSTBOX is None or not shiboken6.isValid(_POSTBOX):
        _POSTBOX = _Postbox(app)
    return _POSTBOX


def _read_on_worker(box: _Postbox, number: int) -> None:
    """Runs on a pool thread; holds nothing the GUI thread made, nor the result, once it
    has posted (the GUI thread may let go of the ticket before this thread goes on)."""
    try:
        outcome: list[object] = []
        path, work, writes = box.work_of(number)
        try:
            db = open_beside(path) if writes else open_reader(path)
            try:
                outcome.append(work(db) if writes else _read(db, work))
            finally:
                db.close()
        except Exception as exc:  # shown on the GUI thread, not lost in the pool
            outcome.append(exc)
        del work
        box.post(number, outcome)
    finally:
        GATE.leave()


def _read(db: Ledger, work: Work) -> object:
    """``work(db)`` with every read of it on one state of the ledger (``snapshot``).  Work
    that splits its reads over two threads (``reads_beside``) is given a second
    connection on that same state as its ``beside``, where there can be one."""
    if not getattr(work, "reads_beside", False):
        with snapshot(db):
            return work(db)
    with snapshot_beside(db) as beside:
        work.beside = beside  # type: ignore[attr-defined]
        try:
            return work(db)
        finally:
            work.beside = None  # type: ignore[attr-defined]


def wait_until_idle(busy: Callable[[], bool], timeout: float = 120.0) -> bool:
    """Process events while ``busy()`` (at most ``timeout`` seconds); whether it is idle
    now.  For screenshots and tests, which must see what the workers brought."""
    deadline = time.monotonic() + timeout
    while busy() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    return not busy()


def start_reading(
    path: Path, work: Work, generation: int, deliver: Deliver, *, writes: bool = False
) -> None:
    """Run ``work(reader)`` on the pool; ``deliver(generation, result or exception)`` is
    called on the GUI thread, unless ``deliver`` is a method of a Qt object deleted
    meanwhile.  Call on the GUI thread.  With ``writes``, the work is given a connection
    that may write, outside any snapshot (it takes its own transaction)."""
    box = postbox()
    number = box.issue(_Ticket(path, work, generation, deliver, writes))
    GATE.enter()
    box.settle()
    QThreadPool.globalInstance().start(functools.partial(_read_on_worker, box, number))


class BackgroundJob(QObject):
    busy_changed = Signal(bool)

    def __init__(
        self,
        store: LedgerStore,
        apply: Callable[[Any], None],
        parent: QObject | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.apply = apply
        self.failed = failed  # told first when the newest request raised (then it is raised)
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
            if self.failed is not None:
                self.failed(result)
            raise result
        self.apply(result)

    def wait(self, timeout: float = 120.0) -> bool:
        """Process events until no request is pending (a screenshot, a test)."""
        return wait_until_idle(lambda: self._running, timeout)
