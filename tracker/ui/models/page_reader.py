"""Reads the pages a table view is looking at on a worker, so that scrolling a large
ledger never waits for SQLite on the GUI thread.

The model asks for a page it does not hold (``want``) while the view paints; the
pages asked for during one pass of the event loop are read together, with their plan
(where they start, the neighbouring rows' keys) fixed when they are asked for.  The
newest request wins (``BackgroundJob``): pages the view has scrolled past are not read.
Results come back with the generation they were asked for, and the model drops those
of an outdated state (it counted again meanwhile).  An in-memory ledger cannot be read
beside the window: its model reads its pages itself, at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from tracker.store import record_pages
from tracker.store.ledger import Ledger
from tracker.store.readers import can_read_beside
from tracker.store.record_pages import After, PageQuery, Row
from tracker.ui.background import BackgroundJob
from tracker.ui.ledger_store import LedgerStore


@dataclass(frozen=True, slots=True)
class PagePlan:
    """How to read one page: its first row, its size, how many rows the table has and
    the keys of the rows just before and after it when held (see ``rows_at``)."""

    query: PageQuery
    first: int
    size: int
    total: int
    ends: tuple[After | None, After | None]

    def read(self, db: Ledger) -> list[Row]:
        return record_pages.rows_at(db, self.query, self.first, self.size, self.total, self.ends)


Delivered = Callable[[int, dict[int, list[Row]]], None]  # generation, pages by number
Counted = Callable[[int, int, list[Row], int | None], None]  # generation, count,
# the first page, the followed record's place (0: the first stored row; None: left out)
CountFailed = Callable[[int], None]  # the generation whose count raised


class PageReader(QObject):
    """A table model's reads of the pages its view shows, off the GUI thread."""

    def __init__(
        self,
        store: LedgerStore,
        deliver: Delivered,
        counted: Counted,
        parent: QObject,
        count_failed: CountFailed | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._deliver = deliver
        self._counted = counted
        self._count_generation = 0
        self.count_job = BackgroundJob(
            store, lambda found: counted(*found), self, failed=self._count_raised
        )
        self._count_failed = count_failed
        self._wanted: dict[int, PagePlan] = {}
        self._in_flight: set[int] = set()  # pages the newest request reads
        # pages whose read raised: not asked for again until the model reads afresh (the
        # error is shown once, not at every repaint)
        self._failed: set[int] = set()
        self._generation = 0
        self.job = BackgroundJob(store, self._apply, self, failed=self._pages_raised)
        # a posted call, not a QTimer of its own: a model a test leaves to Python's
        # collector may be freed on any thread, and a timer must die on its own
        self._send_posted = False

    @property
    def available(self) -> bool:
        """Whether pages can be read beside the window (a ledger file)."""
        return can_read_beside(self.store.path)

    def want(self, number: int, plan: Callable[[], PagePlan], generation: int) -> None:
        """Read page ``number`` by ``plan()`` soon (with the others asked for meanwhile);
        asked for again before it is read, it costs nothing (a view asks cell by cell)."""
        if generation != self._generation:
            self._wanted.clear()
            self._in_flight.clear()
            self._failed.clear()
            self._generation = generation
        if number in self._in_flight or number in self._wanted or number in self._failed:
            return  # a repaint while it is read (a hover, a blink) does not ask again
        self._wanted[number] = plan()
        if not self._send_posted:
            self._send_posted = True
            QTimer.singleShot(0, self, self._send)

    def count(self, query: PageQuery, generation: int, page_size: int, follow: int | None) -> None:
        """Count the rows ``query`` selects, read its first page and where ``follow`` lies
        on the worker (a text filter scans every record: a second at a million); a newer
        count supersedes this one (typing on)."""

        def work(db: Ledger) -> tuple[int, int, list[Row], int | None]:
            count = record_pages.count(db, query)
            first = record_pages.page(db, query, None, page_size)
            up_to = None if follow is None else record_pages.locate(db, query, follow, None)
            return generation, count, first, None if up_to is None else up_to - 1

        self._count_generation = generation
        self.count_job.request(work)

    def _count_raised(self, _error: BaseException) -> None:
        if self._count_failed is not None:
            self._count_failed(self._count_generation)

    def _send(self) -> None:
        self._send_posted = False
        wanted, generation = dict(self._wanted), self._generation
        self._wanted.clear()
        if wanted:
            self._in_flight = set(wanted)  # a newer request supersedes the one running
            self.job.request(lambda db: (generation, {n: p.read(db) for n, p in wanted.items()}))

    def _apply(self, result: tuple[int, dict[int, list[Row]]]) -> None:
        generation, pages = result
        self._in_flight.clear()
        self._deliver(generation, pages)

    def _pages_raised(self, _error: BaseException) -> None:
        """The pages being read are not coming: no longer on their way (drawn empty)."""
        self._failed |= self._in_flight
        self._in_flight.clear()

    @property
    def busy(self) -> bool:
        """Whether pages are asked for or being read."""
        return bool(self._wanted or self._in_flight)

    def wait(self, timeout: float = 120.0) -> bool:
        """Process events until no page is asked for or being read (a screenshot, a test)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if not (self._send_posted or self.job.pending or self.count_job.pending):
                return True
            time.sleep(0.005)
        return False
