"""FlagWatcher: the portfolio's reviewed flags, kept current for every view that shows them.

The rules are evaluated once for the whole portfolio and the result is shared:
the Flags tab, the badges in the contract list, the flag counts in the Overview
and the marked points on the chart all read it.  Change notices are coalesced
with a zero-delay single-shot timer, so a burst of changes (an import, a long
undo) costs one evaluation in the next event-loop turn.

On a ledger file the evaluation runs on a worker thread with its own read-only
connection (``rule_worker.RuleRun`` through ``background.start_reading``), so the
window never waits for the rules: views keep showing the last flags (``busy_changed``
drives a small indicator) until the fresh ones arrive.  Every change notice starts a
new *generation*; a result computed for an older generation is dropped and the
current state evaluated instead.  An in-memory ledger has no file a second
connection could read: it is evaluated on the GUI thread, as before.

A change evaluates the rules again for the contracts it names only, from the flags last
published (``engine.evaluate_changed``: the same flags as evaluating everything): the
contracts named since the last published evaluation are gathered, so a result dropped
as outdated loses none.  The whole portfolio is evaluated at the start, for another date
or ledger, after the thresholds change, and after a write that names no contract.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from tracker.domain.changes import ChangeSet
from tracker.domain.flags import Flag
from tracker.services.audit.engine import evaluate
from tracker.services.audit.review import FlagDigest, ReviewedFlag, digest, review
from tracker.store.change_log import LOGGED_TABLES
from tracker.store.readers import can_read_beside, is_open
from tracker.ui.audit.rule_worker import RuleRun
from tracker.ui.background import start_reading, wait_until_idle
from tracker.ui.ledger_store import LedgerStore

# What the rules read: every logged table but the audit's own (thresholds, acknowledgements);
# a change to these that names no contract is evaluated in full.
RULE_INPUTS = tuple(t for t in LOGGED_TABLES if t not in ("settings", "flag_acknowledgements"))


class FlagWatcher(QObject):
    """Re-evaluates the audit rules on ``changed`` / ``as_of_changed`` / ``reset``."""

    updated = Signal(object)  # list[ReviewedFlag], the whole portfolio
    busy_changed = Signal(bool)  # a background evaluation started (True) or ended

    def __init__(self, store: LedgerStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.reviewed: list[ReviewedFlag] = []
        self.digest: FlagDigest = digest([])  # the counts and markers of ``reviewed``
        self.evaluations = 0
        self.generation = 0  # counts change notices; results of older ones are dropped
        self.dropped = 0  # results discarded because the ledger changed meanwhile
        self.last_run: RuleRun | None = None
        self._running: RuleRun | None = None
        # The flags last published, the date they are for, and the contracts changed since
        # (None: evaluate every contract: the date, the thresholds or another ledger).
        self.flags: list[Flag] | None = None
        self._flags_as_of: dt.date | None = None
        self._changed: set[int] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._evaluate_scheduled)
        store.changed.connect(self._on_changed)
        store.as_of_changed.connect(self._on_everything)
        store.reset.connect(self._on_everything)
        if self.in_background:
            self.evaluate_in_background()
        else:
            self.evaluate()

    @property
    def in_background(self) -> bool:
        """Whether rules run off the GUI thread (the ledger is a file)."""
        return can_read_beside(self.store.path)

    def _on_changed(self, changes: ChangeSet) -> None:
        """Note which contracts to evaluate again: those the change names, or every one
        when it changed the thresholds or wrote rule inputs without naming contracts."""
        if self._changed is not None:
            if changes.touches("settings") or (
                changes.touches(*RULE_INPUTS) and not changes.contracts
            ):
                self._changed = None
            else:
                self._changed.update(changes.contracts)
        self.schedule()

    def _on_everything(self, *_: object) -> None:
        self._changed = None
        self.schedule()

    def schedule(self, *_: object) -> None:
        """Evaluate in the next event-loop turn; repeated calls before then evaluate once."""
        self.generation += 1
        if not self._timer.isActive():
            self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive() or self._running is not None

    def _evaluate_scheduled(self) -> None:
        if self.in_background:
            self.evaluate_in_background()
        else:
            self.evaluate()

    def evaluate(self) -> list[ReviewedFlag]:
        """Evaluate now, on this thread, and publish the result."""
        self._timer.stop()
        as_of = self.store.as_of
        flags = evaluate(self.store.db, as_of)
        self._evaluated(flags, as_of)
        self._publish(review(self.store.db, flags))
        return self.reviewed

    def _evaluated(self, flags: list[Flag], as_of: dt.date) -> None:
        """``flags`` are the current ones for ``as_of``: later changes start from them."""
        self.flags, self._flags_as_of, self._changed = flags, as_of, set()

    def evaluate_in_background(self) -> None:
        """Start evaluating the current generation on a worker (one at a time)."""
        self._timer.stop()
        if self._running is not None:
            return  # its result will be outdated: the current state is evaluated after it
        assert self.store.path is not None
        as_of = self.store.as_of
        if self._changed is None or self._flags_as_of != as_of:
            run = RuleRun(as_of)
        else:
            run = RuleRun(as_of, self.flags, frozenset(self._changed))
        self._running = self.last_run = run
        self.busy_changed.emit(True)
        start_reading(Path(self.store.path), run, self.generation, self._finished)

    def _finished(self, generation: int, result: object) -> None:
        self._running = None
        if generation != self.generation or self._timer.isActive():
            self.dropped += 1
            self.evaluate_in_background()
            return
        self.busy_changed.emit(False)
        if not is_open(self.store.db):
            return  # the window closed its ledger meanwhile
        if isinstance(result, BaseException):
            raise result
        assert isinstance(result, tuple)
        flags, reviewed, counted = result
        assert self.last_run is not None  # the run that just ended: one runs at a time
        self._evaluated(flags, self.last_run.as_of)
        self._publish(reviewed, counted)

    def _publish(self, reviewed: list[ReviewedFlag], counted: FlagDigest | None = None) -> None:
        self.reviewed = reviewed
        self.digest = counted if counted is not None else digest(reviewed)
        self.evaluations += 1
        self.updated.emit(self.reviewed)

    def wait(self, timeout: float = 120.0) -> bool:
        """Process events until no evaluation is pending (a screenshot, a test)."""
        return wait_until_idle(lambda: self.pending, timeout)

    def for_contract(self, contract_id: int | None) -> list[ReviewedFlag]:
        """The flags of one contract (None: the whole portfolio)."""
        return flags_of(self.reviewed, contract_id)


def flags_of(reviewed: list[ReviewedFlag], contract_id: int | None) -> list[ReviewedFlag]:
    if contract_id is None:
        return list(reviewed)
    return [r for r in reviewed if r.flag.contract_id == contract_id]
