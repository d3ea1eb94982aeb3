"""A ledger whose acknowledgements named flags by their English subject opens upgraded:
the same flags still show as acknowledged, under keys of rule and record."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import sqlite_utils

from tests.audit_factories import raw_tranche
from tests.factories import make_contract, make_delivery
from tracker.services.audit.review import FlagStatus, acknowledge, reviewed_flags
from tracker.store import change_log
from tracker.store.database import configure, open_database
from tracker.store.log_verify import verify_log
from tracker.store.migrations import migrations

AS_OF = dt.date(2027, 1, 1)

# (key, evidence) as the tracker wrote them before m005 for the ledger below: the key
# held the contract and the English subject; the numbers were never stored.
OLD_ACKNOWLEDGED = {
    "CUMULATIVE_SHORTFALL|C-1|contracts|1|contract C-1": "666667|100000|25",
    "MISSING_SERIAL|C-2|deliveries|2|delivery TX-9 of 2026-10-01 (serials pending)": "True",
    "LATE_TRANCHE|C-1|contracts|1|tranche due 2025-12-31 (even schedule)": "100000|233334",
    "LATE_TRANCHE|C-1|contracts|1|tranche due 2026-12-31 (even schedule)": "0|333333",
    "LATE_TRANCHE|C-2|tranches|1|tranche due 2026-03-31": "50000|150000",
}
NEW_KEYS = {
    "CUMULATIVE_SHORTFALL|C-1|contracts|1|contract C-1": "CUMULATIVE_SHORTFALL|contracts|1",
    "MISSING_SERIAL|C-2|deliveries|2|delivery TX-9 of 2026-10-01 (serials pending)": (
        "MISSING_SERIAL|deliveries|2"
    ),
    "LATE_TRANCHE|C-1|contracts|1|tranche due 2025-12-31 (even schedule)": (
        "LATE_TRANCHE|contracts|1|2025-12-31"
    ),
    "LATE_TRANCHE|C-1|contracts|1|tranche due 2026-12-31 (even schedule)": (
        "LATE_TRANCHE|contracts|1|2026-12-31"
    ),
    "LATE_TRANCHE|C-2|tranches|1|tranche due 2026-03-31": "LATE_TRANCHE|tranches|1",
}
# Acknowledged when C-2 had 40 t delivered (50 t now): no longer applies.
OLD_CHANGED = ("CUMULATIVE_SHORTFALL|C-2|contracts|2|contract C-2", "200000|40000|25")


def _old_fingerprint(key: str, evidence: str) -> str:
    return hashlib.sha256(f"{key}|{evidence}".encode()).hexdigest()[:16]


def _acknowledge_old(db: sqlite_utils.Database, key: str, evidence: str) -> None:
    row = {
        "flag_key": key,
        "fingerprint": _old_fingerprint(key, evidence),
        "acknowledged_by": "dana",
        "acknowledged_on": "2026-12-20T09:00:00Z",
        "reason": f"accepted: {key.split('|')[0]}",
    }
    with db.conn:
        cursor = db.execute(
            "insert into flag_acknowledgements (flag_key, fingerprint, acknowledged_by, "
            "acknowledged_on, reason) values (?, ?, ?, ?, ?)",
            list(row.values()),
        )
        row_id = cursor.lastrowid
        change_log.append(
            db,
            user="dana",
            action="acknowledge",
            table_name="flag_acknowledgements",
            record_id=row_id,
            contract_id=None,
            after={"id": row_id, **row},
        )


def _ledger_before_m005(path: Path) -> None:
    """Two contracts as the previous schema held them, with acknowledged flags of three
    rules: a shortfall, a delivery without serials, late tranches (stored and of an
    even schedule)."""
    db = sqlite_utils.Database(path)
    configure(db, on_disk=True)
    migrations.apply(db, stop_before="m005_flag_identity")
    c1 = make_contract(db)
    make_delivery(db, c1)
    c2 = make_contract(db, reference="C-2", tonnes="500")
    raw_tranche(db, c2, "2026-03-31", 200_000)
    change_log.log_baseline(db, "tranches")  # written raw above: log it as kept
    make_delivery(
        db, c2, serial_block="", delivered_on="2026-10-01", verified_on="2026-10-15",
        reference="TX-9", tonnes="50",
    )  # fmt: skip
    for key, evidence in [*OLD_ACKNOWLEDGED.items(), OLD_CHANGED]:
        _acknowledge_old(db, key, evidence)
    db.close()


def _statuses(db: sqlite_utils.Database) -> dict[str, FlagStatus]:
    return {r.flag.key: r.status for r in reviewed_flags(db, AS_OF)}


def test_acknowledged_flags_stay_acknowledged_after_the_upgrade(db_path: Path) -> None:
    _ledger_before_m005(db_path)
    db = open_database(db_path)
    statuses = _statuses(db)
    assert {statuses[key] for key in NEW_KEYS.values()} == {FlagStatus.ACKNOWLEDGED}
    db.close()


def test_an_acknowledgement_whose_numbers_had_changed_still_does_not_apply(
    db_path: Path,
) -> None:
    _ledger_before_m005(db_path)
    db = open_database(db_path)
    assert _statuses(db)["CUMULATIVE_SHORTFALL|contracts|2"] is FlagStatus.REOPENED
    db.close()


def test_an_upgraded_acknowledgement_reopens_when_the_numbers_change(db_path: Path) -> None:
    _ledger_before_m005(db_path)
    db = open_database(db_path)
    make_delivery(
        db, 1, delivered_on="2025-07-01", serial_block="ACR-US-1-2025-1-101 to 150",
        reference="TX-2", tonnes="50",
    )  # fmt: skip
    statuses = _statuses(db)
    assert statuses["CUMULATIVE_SHORTFALL|contracts|1"] is FlagStatus.REOPENED
    assert statuses["LATE_TRANCHE|contracts|1|2025-12-31"] is FlagStatus.REOPENED
    assert statuses["LATE_TRANCHE|tranches|1"] is FlagStatus.ACKNOWLEDGED  # C-2: unchanged
    db.close()


def test_keys_are_rewritten_and_the_old_ones_kept(db_path: Path) -> None:
    _ledger_before_m005(db_path)
    db = open_database(db_path)
    rows = db.execute(
        "select migrated_from, flag_key from flag_acknowledgements order by id"
    ).fetchall()
    assert dict(rows[:5]) == NEW_KEYS
    assert rows[5] == (OLD_CHANGED[0], "CUMULATIVE_SHORTFALL|contracts|2")
    db.close()


def test_the_change_log_still_verifies_after_the_upgrade(db_path: Path) -> None:
    _ledger_before_m005(db_path)
    db = open_database(db_path)
    assert verify_log(db).ok, verify_log(db).describe()
    db.close()


def test_acknowledging_again_after_the_upgrade_uses_the_new_identity(db_path: Path) -> None:
    _ledger_before_m005(db_path)
    db = open_database(db_path)
    (reopened,) = [
        r for r in reviewed_flags(db, AS_OF) if r.flag.key == "CUMULATIVE_SHORTFALL|contracts|2"
    ]
    acknowledge(db, reopened.flag, "Amendment 3 moves the 2026 volume")
    assert _statuses(db)["CUMULATIVE_SHORTFALL|contracts|2"] is FlagStatus.ACKNOWLEDGED
    latest = db.execute(
        "select flag_key, migrated_from from flag_acknowledgements order by id desc limit 1"
    ).fetchone()
    assert latest == ("CUMULATIVE_SHORTFALL|contracts|2", "")
    assert verify_log(db).ok
    db.close()
