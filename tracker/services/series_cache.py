"""The portfolio chart kept contract by contract, so a change re-reads only its contracts.

At a million deliveries the whole portfolio's lifecycle series (each delivery's status as
of the date, read through its verifications) take seconds to read; an edit to one
delivery must not cost that.  ``KeptSeries`` holds, for one as-of date, each contract's
kilograms by day (delivered, verified, rejected, invalidated and retired) and their sum
over the portfolio.  ``forget`` (the window's change notice, on the GUI thread) names the
contracts to read again; ``portfolio`` (on a worker) reads only those, takes their old
days out of the sum and puts the new ones in.  Kilograms are integers: the sum is exact,
the same as one grouped read of the whole portfolio, day for day.

What changed is also read from the ledger itself: every write the app makes is logged
with its contract (``change_log``), so a read first takes the log's head and re-reads the
contracts logged since the last read's head, whether or not a change notice reached the
window.  Taking the head *before* the data makes a read that overlaps a commit safe: the
commit's contracts are read again next time.  ``forget`` covers what the log cannot name
(a raw write announced by a notice naming tables only, another ledger opened): every
``forget`` moves a generation on, and what a read learnt is kept only when no ``forget``
came while it read.  Its result is still returned: it was true of what it read.
"""

from __future__ import annotations

import datetime as dt
import threading
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

from tracker.domain.changes import ChangeSet
from tracker.store import chart_reads
from tracker.store.chart_reads import Daily
from tracker.store.ledger import Ledger

SERIES = (*chart_reads.LIFECYCLE_SERIES, "retired")
READ_TABLES = ("contracts", "deliveries", "verifications", "invalidations", "retirements")

# One contract's series: name -> (ISO days, kilograms on each).  Days are shared strings
# and kilograms a machine array: a million deliveries' days kept in a few MiB.
Series = dict[str, tuple[tuple[str, ...], "array[int]"]]
# Series name -> ISO day -> [kilograms, how many contracts have a row that day].  The count
# keeps a day whose kilograms sum to nothing exactly as one grouped read keeps it.
Totals = dict[str, dict[str, list[int]]]

READ_ALL_SHARE = 4  # more than a quarter of the contracts to read: read them all at once


@dataclass(slots=True)
class _Kept:
    as_of: dt.date
    log_head: int = 0  # the change log's last entry when the contracts were read
    contracts: dict[int, Series] = field(default_factory=dict)
    totals: Totals = field(default_factory=lambda: {name: {} for name in SERIES})


class KeptSeries:
    """Each contract's daily series as of one date and their portfolio sum."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: _Kept | None = None
        self._stale: set[int] = set()
        self._generation = 0
        self._days: dict[str, str] = {}  # one string per ISO day, shared by every contract
        self.contracts_read = 0  # how many contracts the reads so far read (tests)

    def forget(self, contract_ids: Iterable[int] | None = None) -> None:
        """Read these contracts again at the next read (None: everything)."""
        with self._lock:
            self._generation += 1
            if contract_ids is None:
                self._kept, self._stale = None, set()
            else:
                self._stale.update(contract_ids)

    def after(self, changes: ChangeSet) -> None:
        """Forget what ``changes`` touched: its contracts, or everything when it wrote a
        table the series read without naming a contract."""
        if changes.touches(*READ_TABLES) and not changes.contracts:
            self.forget()
        else:
            self.forget(changes.contracts)

    def portfolio(self, db: Ledger, as_of: dt.date) -> dict[str, Daily]:
        """The whole portfolio's daily series as of ``as_of`` (``SERIES``), reading only
        the contracts changed since the last read of that date."""
        with self._lock:
            generation, kept, stale = self._generation, self._kept, set(self._stale)
        head = chart_reads.change_log_head(db)
        if kept is not None and kept.as_of == as_of:
            logged = chart_reads.logged_contracts(db, kept.log_head, READ_TABLES)
            if logged is None:
                kept = None
            else:
                stale |= logged
        if kept is None or kept.as_of != as_of:
            kept, stale = _Kept(as_of), set()
        contract_ids = chart_reads.contract_ids(db)
        to_read = (contract_ids - set(kept.contracts)) | (stale & contract_ids)
        gone = (set(kept.contracts) - contract_ids) | stale
        totals = {
            name: {day: [*pair] for day, pair in days.items()} for name, days in kept.totals.items()
        }
        updated = _Kept(as_of, head, dict(kept.contracts), totals)
        for contract_id in gone & set(updated.contracts):
            _take_out(updated.totals, updated.contracts.pop(contract_id))
        read_all = len(to_read) * READ_ALL_SHARE > len(contract_ids)
        found = _read(db, None if read_all else to_read, as_of, self._days)
        for contract_id in to_read:
            series = found.get(contract_id, {})
            updated.contracts[contract_id] = series
            _put_in(updated.totals, series)
        with self._lock:
            self.contracts_read += len(to_read)
            if self._generation == generation:
                self._kept, self._stale = updated, set()
        return {
            name: [(day, pair[0]) for day, pair in days.items()]
            for name, days in updated.totals.items()
        }


def _read(
    db: Ledger, contract_ids: set[int] | None, as_of: dt.date, days: dict[str, str]
) -> dict[int, Series]:
    if contract_ids is not None and not contract_ids:
        return {}
    found: dict[int, dict[str, tuple[list[str], array[int]]]] = {}
    for contract_id, name, day, kg in chart_reads.lifecycle_rows_by_contract(
        db, contract_ids, as_of
    ):
        series = found.setdefault(contract_id, {})
        if name not in series:
            series[name] = ([], array("q"))
        on, kilograms = series[name]
        on.append(days.setdefault(day, day))
        kilograms.append(kg)
    return {
        contract_id: {name: (tuple(on), kilograms) for name, (on, kilograms) in series.items()}
        for contract_id, series in found.items()
    }


def _put_in(totals: Totals, series: Series) -> None:
    for name, (days, kilograms) in series.items():
        into = totals[name]
        for day, kg in zip(days, kilograms, strict=True):
            pair = into.get(day)
            if pair is None:
                into[day] = [kg, 1]
            else:
                pair[0] += kg
                pair[1] += 1


def _take_out(totals: Totals, series: Series) -> None:
    for name, (days, kilograms) in series.items():
        into = totals[name]
        for day, kg in zip(days, kilograms, strict=True):
            pair = into[day]
            pair[0] -= kg
            pair[1] -= 1
            if pair[1] == 0:
                del into[day]
