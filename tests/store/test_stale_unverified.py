"""UNVERIFIED_STALE's deliveries: exactly those its plain condition names, whether they
are found through indexes (most contracts settled by the date) or by reading every
delivery (most not), and on a ledger of the previous release once upgraded.

Through indexes, a delivery is looked at only when it is stored as pending, has
verification records, or belongs to a contract not settled by the date; the plain
condition works out every delivery's status and is the specification.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlite_utils

from tests.store.positions_support import add_random_records
from tests.store.test_lifecycle_fragments import PLAIN_STATUS
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import positions, rule_inputs
from tracker.store.database import configure, open_database
from tracker.store.migrations import migrations

PLAIN = f"""
select d.id from deliveries d
where d.delivered_on <= :as_of and {PLAIN_STATUS} = 'pending'
  and cast(julianday(:as_of) - julianday(d.delivered_on) as integer) > :days
order by d.id
"""
DAYS = 90
LATE = "2031-03-01"  # most contracts settled, one not


def _random_ledger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    """A synthetic portfolio with verification records at random dates (up to 2030),
    some deliveries of one contract stored as verified in 2031 (that contract is
    settled only from then), and pending deliveries made either side of ``DAYS``
    before ``LATE``."""
    write_ledger(db, Spec(contracts=8, deliveries=800, retirements=100, seed=9))
    add_random_records(db, 23, verifications=80, invalidations=10, retirements=20)
    pending = db.execute(
        "select id from deliveries where verification_status = 'pending' order by id limit 11"
    ).fetchall()
    with db.conn:
        for n, (delivery_id,) in enumerate(pending):
            db.execute(
                "update deliveries set delivered_on = date(?, ?) where id = ?",
                [LATE, f"-{DAYS - 5 + n} days", delivery_id],
            )
        db.execute(
            "update deliveries set verified_on = '2031-05-01' where id % 3 = 0 "
            "and verification_status != 'pending' and contract_id = (select min(id) from contracts)"
        )
        positions.refresh(db)
    return db


@pytest.fixture(scope="module")
def ledger() -> sqlite_utils.Database:
    return _random_ledger(open_database(":memory:"))


def _stale(db: sqlite_utils.Database, as_of: str) -> list[int]:
    rows = rule_inputs.stale_unverified(db, dt.date.fromisoformat(as_of), DAYS)
    return [row["id"] for row in rows]


def _plain(db: sqlite_utils.Database, as_of: str) -> list[int]:
    return [row[0] for row in db.execute(PLAIN, {"as_of": as_of, "days": DAYS})]


@pytest.mark.parametrize("as_of", ["2023-06-30", "2025-03-15", "2026-12-31", LATE])
def test_the_stale_deliveries_are_those_the_plain_condition_names(
    ledger: sqlite_utils.Database, as_of: str
) -> None:
    assert _stale(ledger, as_of) == _plain(ledger, as_of)


@pytest.mark.parametrize("as_of", ["2025-03-15", LATE])
def test_a_few_contracts_stale_deliveries_are_theirs_of_the_whole_portfolios(
    ledger: sqlite_utils.Database, as_of: str
) -> None:
    contracts = frozenset(row[0] for row in ledger.execute("select id from contracts limit 2"))
    owner = dict(ledger.execute("select id, contract_id from deliveries").fetchall())
    rows = rule_inputs.stale_unverified(ledger, dt.date.fromisoformat(as_of), DAYS, contracts)
    found = [row["id"] for row in rows]
    assert found == [d for d in _plain(ledger, as_of) if owner[d] in contracts]
    assert found


def test_both_ways_of_finding_them_are_taken(ledger: sqlite_utils.Database) -> None:
    """(Else the comparison above would prove one of them only.)"""
    shares = {as_of: positions.unsettled_share(ledger, as_of) for as_of in ("2023-06-30", LATE)}
    unsettled, total = shares["2023-06-30"]
    assert unsettled * 2 > total  # every delivery read
    unsettled, total = shares[LATE]
    assert 0 < unsettled * 2 <= total  # through indexes, some contracts not settled
    assert _plain(ledger, LATE)


def test_a_verification_dated_after_the_date_written_outside_the_app_is_followed(
    tmp_path: Path,
) -> None:
    """A delivery stored as verified, its date moved past the date by another program:
    its contract is noted (not settled), and the delivery is pending as of the date."""
    db = _random_ledger(open_database(tmp_path / "ledger.db"))
    as_of = LATE
    verified = db.execute(
        "select id from deliveries where verification_status = 'verified' "
        "and delivered_on < '2028-01-01' and id not in (select delivery_id from verifications) "
        "order by id limit 1"
    ).fetchone()[0]
    assert verified not in _stale(db, as_of)
    with db.conn:
        db.execute("update deliveries set verified_on = '2031-06-01' where id = ?", [verified])

    assert verified in _stale(db, as_of)
    assert _stale(db, as_of) == _plain(db, as_of)


def test_a_ledger_of_the_previous_release_finds_the_same_deliveries(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    configure(old, on_disk=True)
    migrations.apply(old, stop_before="m014_pending_deliveries_index")
    _random_ledger(old)
    before = {as_of: _plain(old, as_of) for as_of in ("2025-03-15", LATE)}
    old.close()

    db = open_database(path)

    assert "deliveries_pending" in {index.name for index in db["deliveries"].indexes}
    assert {as_of: _stale(db, as_of) for as_of in before} == before
