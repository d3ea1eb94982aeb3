"""The as-of fragments (status, status day, invalidated and retired tonnes) give the same
answers as their plain definitions, whatever records a delivery has.

The fragments guard each correlated lookup with an index probe, for speed at a million
deliveries; the plain definitions below are the specification they must keep meeting.
"""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.store.positions_support import add_random_records
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import lifecycle

_LATEST = (
    "select {col} from verifications v where v.delivery_id = d.id and v.verified_on <= :as_of "
    "order by v.verified_on desc, v.id desc limit 1"
)
PLAIN_STATUS = f"""coalesce(({_LATEST.format(col="v.outcome")}), case
    when exists (select 1 from verifications v where v.delivery_id = d.id) then 'pending'
    when d.verification_status = 'pending' then 'pending'
    when coalesce(d.verified_on, d.delivered_on) <= :as_of then d.verification_status
    else 'pending' end)"""
PLAIN_STATUS_DAY = f"""coalesce(({_LATEST.format(col="v.verified_on")}), case
    when not exists (select 1 from verifications v where v.delivery_id = d.id)
         and d.verification_status != 'pending'
    then coalesce(d.verified_on, d.delivered_on) end)"""
PLAIN_INVALIDATED = (
    "coalesce((select sum(i.tonnes_kg) from invalidations i "
    "where i.delivery_id = d.id and i.invalidated_on <= :as_of), 0)"
)
PLAIN_RETIRED = (
    "coalesce((select sum(r.tonnes_kg) from retirements r "
    "where r.delivery_id = d.id and r.retired_on <= :as_of), 0)"
)


@pytest.fixture(scope="module")
def ledger() -> sqlite_utils.Database:
    """A synthetic portfolio, then verification records, invalidations and retirements
    on random deliveries at random dates (some deliveries get several, most none)."""
    from tracker.store.database import open_database

    db = open_database(":memory:")
    write_ledger(db, Spec(contracts=6, deliveries=600, retirements=150, seed=3))
    add_random_records(
        db, 11, verifications=300, invalidations=80, retirements=80, reason="reversal",
        priced_tranches=0,
    )  # fmt: skip
    return db


# Each fragment beside its plain definition.
PAIRS = {
    "status": (lifecycle.STATUS_AS_OF, PLAIN_STATUS),
    "status day": (lifecycle.STATUS_DAY_AS_OF, PLAIN_STATUS_DAY),
    "invalidated": (lifecycle.INVALIDATED_AS_OF, PLAIN_INVALIDATED),
    "retired": (lifecycle.RETIRED_AS_OF, PLAIN_RETIRED),
}


@pytest.mark.parametrize("as_of", ["2021-06-30", "2024-03-15", "2026-12-31", "2031-01-01"])
@pytest.mark.parametrize(("fragment", "definition"), PAIRS.values(), ids=PAIRS.keys())
def test_each_fragment_matches_its_plain_definition(
    ledger: sqlite_utils.Database, as_of: str, fragment: str, definition: str
) -> None:
    sql = "select d.id, {} from deliveries d order by d.id"
    fast = ledger.execute(sql.format(fragment), {"as_of": as_of}).fetchall()
    plain = ledger.execute(sql.format(definition), {"as_of": as_of}).fetchall()
    assert fast == plain


@pytest.mark.parametrize("fragment", [f for f, _plain in PAIRS.values()], ids=PAIRS.keys())
def test_the_records_dates_make_a_difference(ledger: sqlite_utils.Database, fragment: str) -> None:
    sql = f"select d.id, {fragment} from deliveries d order by d.id"
    earlier = ledger.execute(sql, {"as_of": "2024-03-15"}).fetchall()
    later = ledger.execute(sql, {"as_of": "2031-01-01"}).fetchall()
    assert earlier != later


def test_the_records_reach_some_deliveries_and_not_others(ledger: sqlite_utils.Database) -> None:
    with_records = ledger.execute(
        "select count(distinct delivery_id) from verifications"
    ).fetchone()[0]
    deliveries = ledger.execute("select count(*) from deliveries").fetchone()[0]
    assert 0 < with_records < deliveries
