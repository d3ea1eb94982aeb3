"""The synthetic portfolio: realistic rows, a valid change log, importable CSV files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlite_utils

from tracker.cli.main import main
from tracker.domain.errors import TrackerError
from tracker.domain.records import check_block_matches_tonnes
from tracker.domain.serials import CreditBatch, SerialBlock, parse_serials
from tracker.domain.vocab import BATCH_REGISTRIES, Registry
from tracker.services import tracker_csv
from tracker.services.audit.engine import evaluate
from tracker.services.synthetic import Spec, generate
from tracker.services.synthetic_write import FILES, write_csv, write_ledger
from tracker.store.bulk import BulkWriter
from tracker.store.log_verify import verify_log
from tracker.store.unit_of_work import UnitOfWork

SMALL = Spec(contracts=30, deliveries=6_000, retirements=1_800, seed=7)
AS_OF = dt.date(2026, 6, 30)


def _rows(db: sqlite_utils.Database, sql: str) -> list[dict]:
    cursor = db.execute(sql)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def test_the_ledger_gets_every_row_with_an_intact_change_log(db: sqlite_utils.Database) -> None:
    logged_before = db.execute("select count(*) from change_log").fetchone()[0]
    result = write_ledger(db, SMALL)
    assert result.counts["contracts"] == 30
    assert result.counts["deliveries"] == 6_000
    assert result.counts["retirements"] == 1_800
    assert result.counts["tranches"] > 30
    assert result.counts["invalidations"] > 0
    for table, count in result.counts.items():
        assert db.execute(f"select count(*) from {table}").fetchone()[0] == count
    report = verify_log(db)
    assert report.ok, report.describe()
    # one insert entry per row, then the generate event
    assert report.entries == logged_before + sum(result.counts.values()) + 1


def test_the_change_notice_names_tables_and_contracts_not_rows(db: sqlite_utils.Database) -> None:
    result = write_ledger(db, SMALL)
    assert result.changes.bulk == {
        "contracts", "tranches", "deliveries", "retirements", "invalidations"
    }  # fmt: skip
    assert result.changes.inserted == ()
    assert result.changes.size <= 5 + SMALL.contracts
    assert result.changes.touches("deliveries")


def test_serial_columns_are_what_the_parser_reads_from_the_text(db: sqlite_utils.Database) -> None:
    write_ledger(db, SMALL)
    seen: set[str] = set()
    for d in _rows(db, "select * from deliveries where serial_block is not null"):
        registry = Registry(d["registry"])
        block = parse_serials(d["serial_block"], batches=registry in BATCH_REGISTRIES)
        if d["serial_start"] is None:
            assert block == CreditBatch(d["serial_block"])
            seen.add("batch")
            continue
        assert isinstance(block, SerialBlock)
        assert (block.prefix, block.start, block.end, block.template) == (
            d["serial_prefix"], d["serial_start"], d["serial_end"], d["serial_template"],
        )  # fmt: skip
        check_block_matches_tonnes(registry, block, d["tonnes_kg"], d["tonnes_kg"])
        seen.add(registry.value)
    assert seen >= {"batch", "isometric", "puro", "verra", "gold-standard", "acr", "car", "art"}
    awaiting = db.execute("select count(*) from deliveries where serial_block is null")
    assert awaiting.fetchone()[0] > 0


def test_the_portfolio_holds_lifecycle_states_and_rule_violations(
    db: sqlite_utils.Database,
) -> None:
    write_ledger(db, SMALL)
    statuses = dict(
        db.execute("select verification_status, count(*) from deliveries group by 1").fetchall()
    )
    assert statuses.keys() == {"verified", "pending", "failed"}
    rules = {f.rule for f in evaluate(db, AS_OF)}
    assert rules >= {
        "SERIAL_OVERLAP", "DUPLICATE_DELIVERY", "RETIRED_UNVERIFIED", "RETIRED_BEFORE_DELIVERED",
        "MISSING_SERIAL", "MISSING_BENEFICIARY", "PRICE_ANOMALY", "TRANCHES_EXCEED_CONTRACT",
        "LATE_TRANCHE",
    }  # fmt: skip


def test_retired_blocks_lie_inside_their_delivery(db: sqlite_utils.Database) -> None:
    write_ledger(db, SMALL)
    outside = db.execute(
        "select count(*) from retirements r join deliveries d on d.id = r.delivery_id "
        "where r.serial_start is not null and (r.serial_prefix != d.serial_prefix "
        "or r.serial_start < d.serial_start or r.serial_end > d.serial_end)"
    ).fetchone()[0]
    assert outside == 0


def test_the_same_seed_gives_the_same_portfolio() -> None:
    first = [r.deliveries[-1] for r in generate(SMALL)]
    again = [r.deliveries[-1] for r in generate(SMALL)]
    other = [r.deliveries[-1] for r in generate(Spec(30, 6_000, 1_800, seed=8))]
    assert first == again
    assert first != other


def test_a_second_generate_into_the_same_ledger_is_refused(db: sqlite_utils.Database) -> None:
    write_ledger(db, Spec(contracts=2, deliveries=20, retirements=5))
    before = db.execute("select count(*) from change_log").fetchone()[0]
    with pytest.raises(TrackerError, match="already holds 2 generated"):
        write_ledger(db, Spec(contracts=2, deliveries=20, retirements=5))
    assert db.execute("select count(*) from change_log").fetchone()[0] == before


def test_csv_files_import_into_an_empty_ledger(tmp_path: Path, db: sqlite_utils.Database) -> None:
    spec = Spec(contracts=8, deliveries=800, retirements=240, seed=3, importable=True)
    result = write_csv(tmp_path, spec)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILES.values())
    for kind, name in FILES.items():
        imported = tracker_csv.import_file(db, kind, tmp_path / name)
        table = "tranches" if kind == "schedule" else kind
        assert imported.added == result.counts[table], kind
    assert verify_log(db).ok
    again = tracker_csv.import_file(db, "deliveries", tmp_path / "deliveries.csv")
    assert (again.added, again.unchanged) == (0, 800)


def test_a_bulk_row_missing_a_column_is_refused_and_nothing_is_written(
    db: sqlite_utils.Database,
) -> None:
    with pytest.raises(ValueError, match="missing"), UnitOfWork(db) as uow:
        BulkWriter(db, uow.user).insert("contracts", [{"id": 1, "reference": "X"}])
    assert db.execute("select count(*) from contracts").fetchone()[0] == 0


def test_the_command_writes_the_ledger_or_csv_files(tmp_path: Path) -> None:
    ledger = tmp_path / "big.db"
    args = ["--contracts", "3", "--deliveries", "60", "--retirements", "10", "--seed", "2"]
    assert main(["--db", str(ledger), "generate", *args]) == 0
    assert main(["--db", str(ledger), "verify-log"]) == 0
    assert main(["generate", *args, "--csv", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "deliveries.csv").read_text().count("\n") == 61
