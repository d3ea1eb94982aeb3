"""The portfolio chart kept contract by contract: after a change only the contracts it
touched are read again, and the series always equal a fresh read of the whole portfolio."""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Callable

import pytest
import sqlite_utils

from tests.ledger_edits import (
    failed,
    first_id,
    heavier,
    no_contract,
    no_delivery,
    no_retirement,
)
from tracker.domain.changes import ChangeSet
from tracker.services import series_cache
from tracker.services.invalidations import add_invalidation, delete_invalidation
from tracker.services.series import chart_series
from tracker.services.series_cache import KeptSeries
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    write_ledger(db, Spec(contracts=6, deliveries=240, retirements=60, seed=11, as_of=AS_OF))
    for delivery_id in (
        first_id(db, _SOME_DELIVERY + " limit 1"),
        first_id(db, _SOME_DELIVERY + " desc limit 1"),
    ):
        data = {"invalidated_on": "2026-01-15", "tonnes": "1", "reason": "reversal"}
        add_invalidation(db, delivery_id, data)
    return db


_SOME_DELIVERY = (
    "select id from deliveries where delivered_on < '2026-01-01' "
    "and verification_status = 'verified' and id not in "
    "(select delivery_id from retirements) order by id"
)


def _same_as_fresh(db: sqlite_utils.Database, kept: KeptSeries, as_of: dt.date = AS_OF) -> None:
    assert chart_series(db, None, as_of, kept) == chart_series(db, None, as_of)


def _no_invalidation(db: sqlite_utils.Database) -> ChangeSet:
    return delete_invalidation(db, first_id(db, "select max(id) from invalidations"))[1]


def _heavier(db: sqlite_utils.Database) -> ChangeSet:
    return heavier(db, 1_234)


def _failed(db: sqlite_utils.Database) -> ChangeSet:
    return failed(
        db,
        "select id from deliveries where verification_status = 'verified' and id not in "
        "(select delivery_id from retirements) order by id desc limit 1",
    )


EDITS: dict[str, Callable[[sqlite_utils.Database], ChangeSet]] = {
    "tonnes changed": _heavier,
    "verification failed": _failed,
    "retirement deleted": no_retirement,
    "invalidation deleted": _no_invalidation,
    "delivery deleted": no_delivery,
    "contract deleted": no_contract,
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_after_an_edit_the_kept_series_equal_a_fresh_read(
    ledger: sqlite_utils.Database, edit: str
) -> None:
    kept = KeptSeries()
    _same_as_fresh(ledger, kept)
    changes = EDITS[edit](ledger)
    assert changes.contracts
    kept.after(changes)
    _same_as_fresh(ledger, kept)


def test_edits_one_after_another_stay_exact(ledger: sqlite_utils.Database) -> None:
    kept = KeptSeries()
    for edit in EDITS.values():
        kept.after(edit(ledger))
        _same_as_fresh(ledger, kept)


def test_a_change_reads_only_its_contracts(ledger: sqlite_utils.Database) -> None:
    kept = KeptSeries()
    kept.portfolio(ledger, AS_OF)
    assert kept.contracts_read == 6
    changes = _heavier(ledger)
    kept.after(changes)
    kept.portfolio(ledger, AS_OF)
    assert kept.contracts_read == 6 + len(changes.contracts) == 7
    kept.portfolio(ledger, AS_OF)
    assert kept.contracts_read == 7  # nothing changed: nothing read


def test_another_date_is_read_afresh(ledger: sqlite_utils.Database) -> None:
    kept = KeptSeries()
    kept.portfolio(ledger, AS_OF)
    earlier = dt.date(2025, 3, 31)
    _same_as_fresh(ledger, kept, earlier)
    assert kept.contracts_read == 12


def test_a_change_naming_no_contract_forgets_everything(ledger: sqlite_utils.Database) -> None:
    kept = KeptSeries()
    kept.portfolio(ledger, AS_OF)
    ledger.execute("update deliveries set tonnes_kg = tonnes_kg + 1 where id = 1")
    kept.after(ChangeSet(bulk=frozenset({"deliveries"})))
    _same_as_fresh(ledger, kept)
    assert kept.contracts_read == 12


def test_a_change_to_what_the_chart_does_not_read_reads_nothing(
    ledger: sqlite_utils.Database,
) -> None:
    kept = KeptSeries()
    kept.portfolio(ledger, AS_OF)
    kept.after(ChangeSet(bulk=frozenset({"settings", "flag_acknowledgements"})))
    kept.portfolio(ledger, AS_OF)
    assert kept.contracts_read == 6


def test_a_read_overlapping_a_change_is_not_kept(
    ledger: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = KeptSeries()
    kept.portfolio(ledger, AS_OF)
    real_read = series_cache._read
    overlapping: list[ChangeSet] = []

    def read_then_change(*args: object, **kwargs: object) -> object:
        found = real_read(*args, **kwargs)  # type: ignore[arg-type]
        if not overlapping:  # the window commits an edit while the worker reads
            overlapping.append(_heavier(ledger))
            kept.after(overlapping[0])
        return found

    monkeypatch.setattr(series_cache, "_read", read_then_change)
    kept.after(no_retirement(ledger))
    kept.portfolio(ledger, AS_OF)  # read before the edit: its result is not kept
    monkeypatch.setattr(series_cache, "_read", real_read)
    _same_as_fresh(ledger, kept)


def test_a_day_whose_kilograms_cancel_out_stays_a_day(db: sqlite_utils.Database) -> None:
    """Two contracts' rows on one day that sum to nothing: a grouped read of the whole
    portfolio keeps that day (a step of 0), and so does the kept sum."""
    write_ledger(db, Spec(contracts=2, deliveries=20, retirements=0, seed=3, as_of=AS_OF))
    kept = KeptSeries()
    totals: series_cache.Totals = {name: {} for name in series_cache.SERIES}
    first = {"delivered": (("2025-01-01",), array("q", [5]))}
    second = {"delivered": (("2025-01-01",), array("q", [-5]))}
    series_cache._put_in(totals, first)
    series_cache._put_in(totals, second)
    assert totals["delivered"] == {"2025-01-01": [0, 2]}
    series_cache._take_out(totals, first)
    series_cache._take_out(totals, second)
    assert totals["delivered"] == {}
    _same_as_fresh(db, kept)


def test_a_change_no_notice_announced_is_found_in_the_change_log(
    ledger: sqlite_utils.Database,
) -> None:
    kept = KeptSeries()
    kept.portfolio(ledger, AS_OF)
    changes = _heavier(ledger)  # written and logged, but no one calls kept.after
    _same_as_fresh(ledger, kept)
    assert kept.contracts_read == 6 + len(changes.contracts)
