"""Progress and cancellation for long work, without Qt.

A ``Progress`` is handed to work that runs off the GUI thread.  The work reports how far
it is (``advance`` / ``track``) and, at the same points, stops with ``Cancelled`` once the
user asked it to: whatever the work was writing is then discarded (a report's temporary
file is removed; a transaction is rolled back), so a cancelled job leaves nothing
behind.  The window reads ``done`` / ``total`` from its own thread on a timer; plain
integer attributes are safe to read while the worker writes them.

One SQL statement can run for seconds at a million records (``integrity_check``, a
comparison of a whole table) with no point in between to check: work wraps it in
``interrupting(connection.interrupt)``, and a cancel abandons the statement at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import contextmanager
from typing import TypeVar

Item = TypeVar("Item")
Chunk = TypeVar("Chunk", bound=Sized)

# How many items pass between two checks for a cancel request.
CHECK_EVERY = 500


class Cancelled(Exception):
    """The user cancelled the work; nothing it was writing was kept."""

    def __init__(self) -> None:
        super().__init__("Cancelled: nothing was written.")


class Progress:
    def __init__(self, total: int | None = None) -> None:
        self.done = 0
        self.total = total  # None while the amount of work is not known
        self._cancel = threading.Event()
        self._interrupts: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def cancel(self) -> None:
        """Ask the work to stop at its next check (any thread), and interrupt what it
        runs inside :meth:`interrupting` now."""
        with self._lock:  # so that the work cannot leave ``interrupting`` meanwhile
            self._cancel.set()
            for interrupt in self._interrupts:
                interrupt()

    @contextmanager
    def interrupting(self, interrupt: Callable[[], None]) -> Iterator[None]:
        """While inside, a cancel also calls ``interrupt`` (from the cancelling thread),
        e.g. a connection's ``interrupt`` to abandon a long statement.  Raises
        ``Cancelled`` on entry once the user asked to stop."""
        with self._lock:
            self.check()
            self._interrupts.append(interrupt)
        try:
            yield
        finally:
            with self._lock:
                self._interrupts.remove(interrupt)

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled

    def advance(self, count: int = 1) -> None:
        """Count ``count`` more items done, then check for a cancel request."""
        self.done += count
        self.check()

    def track(self, items: Iterable[Item], every: int = CHECK_EVERY) -> Iterator[Item]:
        """Yield ``items``, counting them and checking for a cancel request every ``every``."""
        self.check()
        pending = 0
        for item in items:
            yield item
            pending += 1
            if pending == every:
                self.advance(pending)
                pending = 0
        self.done += pending
        self.check()

    def track_chunks(self, chunks: Iterable[Chunk]) -> Iterator[Chunk]:
        """Yield ``chunks`` of items, counting their items and checking for a cancel
        request after each chunk."""
        self.check()
        for chunk in chunks:
            yield chunk
            self.advance(len(chunk))


def unreported() -> Progress:
    """A progress nobody watches or cancels (the command line, tests)."""
    return Progress()
