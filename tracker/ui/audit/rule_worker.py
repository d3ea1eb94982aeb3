"""Rule evaluation for a worker thread, on the worker's own read-only connection.

``RuleRun(as_of)`` is the work ``background.start_reading`` runs on a pool thread: it
evaluates every audit rule for the ledger it is given and counts what the window
shows; the watcher drops a result whose generation is no longer current.  Given the
flags of the last evaluation (``previous``, for the same date) and the contracts changed
since (``changed``), it evaluates the rules again for those contracts only
(``engine.evaluate_changed``): the same flags, for work that follows the change.
"""

from __future__ import annotations

import datetime as dt
import threading

from tracker.domain.flags import Flag
from tracker.services.audit import review
from tracker.services.audit.engine import evaluate, evaluate_changed
from tracker.store.ledger import Ledger

RuleResult = tuple[list[Flag], list[review.ReviewedFlag], review.FlagDigest]


class RuleRun:
    def __init__(
        self,
        as_of: dt.date,
        previous: list[Flag] | None = None,
        changed: frozenset[int] | None = None,
    ) -> None:
        self.as_of = as_of
        self.previous = previous
        self.changed = changed if previous is not None else None  # None: every contract
        self.thread_name = ""  # where it ran (tests check it is not the GUI thread)
        # The whole portfolio's rules read on two connections in one state: the second
        # given by ``background`` while it runs (``engine.evaluate``'s ``beside``)
        self.reads_beside = self.changed is None
        self.beside: Ledger | None = None

    def __call__(self, db: Ledger) -> RuleResult:
        self.thread_name = threading.current_thread().name
        if self.previous is None or self.changed is None:
            flags = evaluate(db, self.as_of, beside=self.beside)
        else:
            flags = evaluate_changed(db, self.as_of, self.previous, self.changed)
        reviewed = review.review(db, flags)
        return flags, reviewed, review.digest(reviewed)  # counted here too
