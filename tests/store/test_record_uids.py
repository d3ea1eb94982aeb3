"""Every record's global id (``uid``): given on every insert path, unique, kept for life."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import contract_data, delivery_data, make_contract, make_delivery
from tracker.cli.main import main
from tracker.services import tracker_csv
from tracker.services.contracts import delete_contract, restore
from tracker.services.deliveries import delete_delivery
from tracker.services.demo import load_demo
from tracker.services.retirements import retire
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import uids
from tracker.store.database import configure, open_database
from tracker.store.log_verify import verify_log
from tracker.store.migrations import migrations
from tracker.store.unit_of_work import UnitOfWork

UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def _every_kind(db: sqlite_utils.Database) -> None:
    """The demo, two verifications, two invalidations and two acknowledged flags: at
    least two records of every kind, each written by its service."""
    import datetime as dt

    from tracker.services.audit.review import acknowledge, open_flags
    from tracker.services.audit.verifications import add_verification
    from tracker.services.invalidations import add_invalidation

    load_demo(db)
    delivered = [r[0] for r in db.execute("select id from deliveries order by id limit 2")]
    for delivery in delivered:
        add_verification(db, delivery, {"verified_on": "2026-01-10", "outcome": "pending"})
    for flag in open_flags(db, dt.date(2026, 6, 30))[:2]:
        acknowledge(db, flag, "known")
    invalidations = db.execute("select count(*) from invalidations").fetchone()[0]
    if invalidations < 2:
        last = db.execute(
            "select id from deliveries where verification_status != 'failed' order by id desc"
        ).fetchone()[0]
        add_invalidation(db, last, {"invalidated_on": "2026-06-01", "tonnes": "1",
                                    "reason": "other"})  # fmt: skip


def _uids(db: sqlite_utils.Database) -> dict[str, list[str | None]]:
    return {
        t: [r[0] for r in db.execute(f"select uid from [{t}] order by id")] for t in uids.TABLES
    }


def _assert_all_distinct_v4(db: sqlite_utils.Database) -> int:
    found = _uids(db)
    every = [u for values in found.values() for u in values]
    assert all(u is not None and UUID4.match(u) for u in every), found
    assert len(set(every)) == len(every)
    return len(every)


def _previous_schema_ledger(path: Path) -> None:
    """A ledger written by the previous release (schema up to m006), with records of
    every kind: service writes, a bulk write and a raw row."""
    old = sqlite_utils.Database(path)
    configure(old, on_disk=True)
    migrations.apply(old, stop_before="m007_record_uids")
    write_ledger(old, Spec(contracts=2, deliveries=40, retirements=8, seed=4))
    contract = make_contract(old, reference="OLD-1")
    make_delivery(old, contract)
    retire(old, contract, {"retired_on": "2025-09-30", "tonnes": "5", "purpose": "other"})
    with UnitOfWork(old) as uow:
        uow.insert("flag_acknowledgements", {
            "flag_key": "LATE_TRANCHE|tranches|1", "fingerprint": "f", "acknowledged_by": "me",
            "acknowledged_on": "2025-01-01T00:00:00Z", "reason": "known",
        }, action="acknowledge")  # fmt: skip
    old.close()


def test_a_ledger_of_the_previous_schema_gets_a_uid_for_every_row(db_path: Path) -> None:
    _previous_schema_ledger(db_path)
    db = open_database(db_path)
    try:
        assert _assert_all_distinct_v4(db) > 60
        assert verify_log(db).ok, verify_log(db).describe()
        # every uid is in the log: the rows were logged again as a baseline
        baseline = db.execute(
            "select count(*) from change_log where action = 'baseline' "
            "and json_extract(after_json, '$.uid') is not null"
        ).fetchone()[0]
        assert baseline == sum(len(v) for v in _uids(db).values())
        # and the ledger keeps working: a new record, a file of the previous release
        contract = db.execute("select id from contracts where reference = 'OLD-1'").fetchone()[0]
        make_delivery(db, contract, serial_block="ACR-US-1-2025-101 to 200", reference="TX-2")
        header = ",".join(c for c in tracker_csv.header("contracts") if c != "uid")
        row = {k: v for k, v in contract_data(reference="OLD-2").items() if k != "uid"}
        text = header + "\n" + ",".join(row.values())
        assert tracker_csv.import_text(db, "contracts", text, "old.csv").added == 1
        _assert_all_distinct_v4(db)
        assert verify_log(db).ok
    finally:
        db.close()


@pytest.mark.parametrize("table", uids.TABLES)
def test_a_duplicate_uid_is_refused_by_the_ledger(db: sqlite_utils.Database, table: str) -> None:
    _every_kind(db)
    first, second = db.execute(f"select uid, id from [{table}] order by id limit 2").fetchall()
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        db.execute(f"update [{table}] set uid = ? where id = ?", [first[0], second[1]])


@pytest.mark.parametrize("table", uids.TABLES)
def test_a_uid_cannot_be_blanked(db: sqlite_utils.Database, table: str) -> None:
    _every_kind(db)
    with pytest.raises(sqlite3.IntegrityError, match="may not be NULL"):
        db.execute(f"update [{table}] set uid = NULL")


def test_a_raw_insert_without_a_uid_gets_one(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    db.execute(
        "insert into tranches (contract_id, due_on, tonnes_kg) values (?, '2025-12-31', 1000)",
        [contract],
    )
    (uid,) = db.execute("select uid from tranches").fetchone()
    assert UUID4.match(uid)


def test_a_raw_insert_with_a_taken_uid_is_refused(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    insert = (
        "insert into tranches (contract_id, due_on, tonnes_kg, uid) values (?, '2025-12-31', 1, ?)"
    )
    db.execute(insert, [contract, "0f8fad5b-d9cb-469f-a165-70867728950e"])
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        db.execute(insert, [contract, "0f8fad5b-d9cb-469f-a165-70867728950e"])


def test_the_services_and_the_demo_give_every_record_a_uid(db: sqlite_utils.Database) -> None:
    _every_kind(db)
    assert all(_uids(db).values())
    _assert_all_distinct_v4(db)
    assert verify_log(db).ok


def test_the_bulk_writer_gives_and_logs_a_uid(db: sqlite_utils.Database) -> None:
    write_ledger(db, Spec(contracts=3, deliveries=120, retirements=20, seed=1))
    _assert_all_distinct_v4(db)
    logged = db.execute(
        "select count(*) from change_log where table_name = 'deliveries' and action = 'insert' "
        "and json_extract(after_json, '$.uid') = "
        "(select uid from deliveries d where d.id = change_log.record_id)"
    ).fetchone()[0]
    assert logged == 120
    assert verify_log(db).ok


def test_generate_gives_the_same_uids_for_the_same_seed(tmp_path: Path) -> None:
    args = ["generate", "--contracts", "2", "--deliveries", "30", "--retirements", "5"]
    for name in ("a.db", "b.db"):
        assert main(["--db", str(tmp_path / name), *args, "--seed", "6"]) == 0
    a, b = open_database(tmp_path / "a.db"), open_database(tmp_path / "b.db")
    try:
        _assert_all_distinct_v4(a)
        assert _uids(a) == _uids(b)
    finally:
        a.close()
        b.close()


def test_a_deleted_delivery_comes_back_with_its_uid(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    retire(db, contract, {"retired_on": "2025-09-30", "tonnes": "5", "purpose": "other"})
    before = _uids(db)
    removed, _ = delete_delivery(db, delivery)
    assert not _uids(db)["deliveries"]
    restore(db, removed)
    assert _uids(db) == before
    assert verify_log(db).ok


def test_a_deleted_contract_comes_back_with_every_uid(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    make_delivery(db, contract)
    before = _uids(db)
    removed, _ = delete_contract(db, contract)
    restore(db, removed)
    assert _uids(db) == before


def test_an_edit_keeps_the_uid_and_never_changes_it(db: sqlite_utils.Database) -> None:
    from tracker.services.deliveries import update_delivery

    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    (uid,) = db.execute("select uid from deliveries").fetchone()
    update_delivery(db, delivery, delivery_data(verifier="Other"))
    assert db.execute("select uid, verifier from deliveries").fetchone() == (uid, "Other")
    with pytest.raises(ValueError, match="uid never changes"), UnitOfWork(db) as uow:
        uow.update("deliveries", delivery, {"uid": "0f8fad5b-d9cb-469f-a165-70867728950e"})
