"""Long statements a user's Cancel abandons at once.

At a million records one statement can run for seconds with no row coming back in
between (``integrity_check``, a whole table compared with its log): a cancel checked
between rows would wait for it.  The window's ``ReadOperation`` runs its work inside
:func:`interruptible` with its ``Progress`` (an :class:`Interrupts`): a cancel calls the
connection's ``interrupt``, SQLite abandons the statement, and the caller's own
cancellation is raised in place of SQLite's error.  Work that turns SQLite errors into
findings (``check_database``, ``verify_log``) lets :func:`was_interrupted` ones through.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

import sqlite_utils


class Interrupts(Protocol):
    def interrupting(self, interrupt: Callable[[], None]) -> AbstractContextManager[None]:
        """While inside, a cancel calls ``interrupt``; raises on entry once cancelled."""
        ...

    def check(self) -> None:
        """Raise the caller's cancellation if the user asked to stop."""
        ...


def was_interrupted(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite abandoning a statement on ``interrupt``."""
    return (
        isinstance(exc, sqlite3.OperationalError)
        and getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_INTERRUPT
    )


@contextmanager
def interruptible(db: sqlite_utils.Database, interrupts: Interrupts | None) -> Iterator[None]:
    """Statements on ``db`` inside stop when the user cancels; the caller's cancellation
    (``interrupts.check()``) is raised instead of SQLite's "interrupted"."""
    if interrupts is None:
        yield
        return
    try:
        with interrupts.interrupting(db.conn.interrupt):
            yield
    except sqlite3.OperationalError as exc:
        if was_interrupted(exc):
            interrupts.check()
        raise
