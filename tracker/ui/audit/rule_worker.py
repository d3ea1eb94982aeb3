"""Rule evaluation on a worker thread, with its own read-only connection.

``RuleRun`` evaluates every audit rule for one *generation* of the ledger (the
watcher's count of changes) on a ``QThreadPool`` thread and reports back through a
queued signal, so the result lands on the GUI thread; the watcher drops a result
whose generation is no longer current.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from tracker.services.audit import review
from tracker.store.readers import open_reader
from tracker.ui.background import report


class RunSignals(QObject):
    # generation, (list[ReviewedFlag], FlagDigest) or the exception raised
    finished = Signal(int, object)


class RuleRun(QRunnable):
    def __init__(self, path: Path, as_of: dt.date, generation: int, signals: RunSignals) -> None:
        super().__init__()
        self.path = path
        self.as_of = as_of
        self.generation = generation
        self.signals = signals
        self.thread_name = ""  # where it ran (tests check it is not the GUI thread)

    def run(self) -> None:
        self.thread_name = threading.current_thread().name
        try:
            db = open_reader(self.path)
            try:
                reviewed = review.reviewed_flags(db, self.as_of)
                result: object = (reviewed, review.digest(reviewed))  # counted here too
            finally:
                db.close()
        except Exception as exc:  # reported on the GUI thread, not lost in the pool
            result = exc
        report(self.signals.finished, self.generation, result)
