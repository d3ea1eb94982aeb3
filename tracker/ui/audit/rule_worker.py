"""Rule evaluation for a worker thread, on the worker's own read-only connection.

``RuleRun(as_of)`` is the work ``background.start_reading`` runs on a pool thread: it
evaluates every audit rule for the ledger it is given and counts what the window
shows; the watcher drops a result whose generation is no longer current.
"""

from __future__ import annotations

import datetime as dt
import threading

from tracker.services.audit import review
from tracker.store.ledger import Ledger


class RuleRun:
    def __init__(self, as_of: dt.date) -> None:
        self.as_of = as_of
        self.thread_name = ""  # where it ran (tests check it is not the GUI thread)

    def __call__(self, db: Ledger) -> tuple[list[review.ReviewedFlag], review.FlagDigest]:
        self.thread_name = threading.current_thread().name
        reviewed = review.reviewed_flags(db, self.as_of)
        return reviewed, review.digest(reviewed)  # counted here too
