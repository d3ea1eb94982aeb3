"""FlagWatcher: the portfolio's reviewed flags, kept current for every view that shows them.

The rules are evaluated once for the whole portfolio and the result is shared:
the Flags tab, the badges in the contract list, the flag counts in the Overview
and the marked points on the chart all read it.  Change notices are coalesced
with a zero-delay single-shot timer, so a burst of changes (an import, a long
undo) costs one evaluation in the next event-loop turn.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from tracker.services.audit.review import ReviewedFlag, reviewed_flags
from tracker.ui.ledger_store import LedgerStore


class FlagWatcher(QObject):
    """Re-evaluates the audit rules on ``changed`` / ``as_of_changed`` / ``reset``."""

    updated = Signal(object)  # list[ReviewedFlag], the whole portfolio

    def __init__(self, store: LedgerStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.reviewed: list[ReviewedFlag] = []
        self.evaluations = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.evaluate)
        store.changed.connect(self.schedule)
        store.as_of_changed.connect(self.schedule)
        store.reset.connect(self.schedule)
        self.evaluate()

    def schedule(self, *_: object) -> None:
        """Evaluate in the next event-loop turn; repeated calls before then evaluate once."""
        if not self._timer.isActive():
            self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def evaluate(self) -> list[ReviewedFlag]:
        """Evaluate now and publish the result."""
        self._timer.stop()
        self.reviewed = reviewed_flags(self.store.db, self.store.as_of)
        self.evaluations += 1
        self.updated.emit(self.reviewed)
        return self.reviewed

    def for_contract(self, contract_id: int | None) -> list[ReviewedFlag]:
        """The flags of one contract (None: the whole portfolio)."""
        return flags_of(self.reviewed, contract_id)


def flags_of(reviewed: list[ReviewedFlag], contract_id: int | None) -> list[ReviewedFlag]:
    if contract_id is None:
        return list(reviewed)
    return [r for r in reviewed if r.flag.contract_id == contract_id]
