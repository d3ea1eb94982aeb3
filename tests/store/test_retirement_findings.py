"""The one pass over the retirements finds, for each retirement rule, exactly the
retirements its plain condition names.

The status findings first test what the delivery stores (a delivery stored as verified
on or before the retirement, without verification records, is skipped); the plain
conditions below work out the status of every retirement's delivery, and are the
specification the pass must keep meeting.
"""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tests.store.positions_support import add_random_records
from tests.store.test_lifecycle_fragments import PLAIN_STATUS, PLAIN_STATUS_DAY
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import rule_inputs

PLAIN = f"""
select r.id, r.retired_on, {PLAIN_STATUS} as status, {PLAIN_STATUS_DAY} as status_on
from retirements r join deliveries d on d.id = r.delivery_id
where r.retired_on <= :as_of order by r.id
"""
PLAIN_FINDINGS = {
    "unverified": lambda row: row[2] == "pending" or (row[2] == "verified" and row[3] > row[1]),
    "failed": lambda row: row[2] == "failed",
}
DATES = ["2023-06-30", "2025-03-15", "2026-12-31", "2031-01-01"]


@pytest.fixture(scope="module")
def ledger() -> sqlite_utils.Database:
    """A synthetic portfolio, then verification records, invalidations and retirements on
    random deliveries at random dates, and some deliveries stored as verified or failed
    on a day after retirements drawing on them."""
    from tracker.store.database import open_database

    db = open_database(":memory:")
    write_ledger(db, Spec(contracts=6, deliveries=600, retirements=300, seed=5))
    add_random_records(db, 17, verifications=120, invalidations=20, retirements=200)
    with db.conn:
        db.execute(
            "update deliveries set verified_on = '2026-06-01' "
            "where id % 7 = 0 and verification_status != 'pending'"
        )
    return db


def _found(db: sqlite_utils.Database, as_of: str, finding: str) -> list[int]:
    rows = rule_inputs.retirement_findings(db, dt.date.fromisoformat(as_of), 10, 12)
    return [row["id"] for row in rows if row[finding]]


@pytest.mark.parametrize("as_of", DATES)
@pytest.mark.parametrize("finding", PLAIN_FINDINGS)
def test_each_status_finding_names_the_retirements_its_plain_condition_names(
    ledger: sqlite_utils.Database, as_of: str, finding: str
) -> None:
    plain = ledger.execute(PLAIN, {"as_of": as_of}).fetchall()
    expected = [row[0] for row in plain if PLAIN_FINDINGS[finding](row)]
    assert _found(ledger, as_of, finding) == expected


@pytest.mark.parametrize("finding", PLAIN_FINDINGS)
def test_the_ledger_holds_retirements_of_each_finding_and_others(
    ledger: sqlite_utils.Database, finding: str
) -> None:
    """(Else the comparison above would prove nothing.)"""
    retired = ledger.execute(
        "select count(*) from retirements where retired_on <= '2031-01-01'"
    ).fetchone()[0]
    found = {n: len(_found(ledger, as_of, finding)) for n, as_of in enumerate(DATES)}
    assert 0 < found[3] < retired
    assert len(set(found.values())) > 1  # the date makes a difference
