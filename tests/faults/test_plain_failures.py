"""Fault suite — figure: absurd numbers, pathological headers and damaged data get a
plain message naming the file and what to do (no traceback); check-db reports in plain
words and is safe to run twice."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from tests.faults.helpers import demo_ledger, run, sha256
from tracker.store.failures import plain_failure

DELIVERY_HEAD = "contract,delivered_on,tonnes,vintage,registry,serial_block,"
DELIVERY_HEAD += "verification_status,verifier,verified_on,reference\n"


@pytest.mark.parametrize(
    ("column", "row", "reason"),
    [
        (
            "tonnes",
            "MSFT-1PF-STRATOS-DAC,2026-03-01,1" + "0" * 30 + ",2025,isometric,"
            "ISO-1-X-USA-T-2025-1-10,pending,,,R1",
            "one gigatonne",
        ),
        (
            "serial_block",
            "MSFT-1PF-STRATOS-DAC,2026-03-01,0.010,2025,isometric,"
            "ISO-1-X-USA-T-2025-99999999999999999999990-99999999999999999999999,pending,,,R2",
            "beyond what the ledger can hold",
        ),
    ],
)
def test_absurd_numbers_are_refused_by_row_and_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, column: str, row: str, reason: str
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    csv = tmp_path / "absurd.csv"
    csv.write_text(DELIVERY_HEAD + row + "\n")
    code, _, err = run(capsys, "--db", str(ledger), "import", "deliveries", str(csv))
    assert code == 1
    assert f"row 2, column {column}" in err
    assert reason in err
    assert "OverflowError" not in err


def test_a_million_column_header_is_refused_quickly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(1_000_000)) + "\n")
    started = time.monotonic()
    code, _, err = run(capsys, "--db", str(ledger), "import", "registry", str(wide))
    assert time.monotonic() - started < 5
    assert code == 1
    assert "columns" in err
    assert "wide.csv" in err


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(28, "No space left on device", "/x/report.csv"), "disk is full"),
        (PermissionError(13, "Permission denied", "/x/report.csv"), "permission denied"),
        (sqlite3.OperationalError("database is locked"), "busy"),
        (sqlite3.DatabaseError("database disk image is malformed"), "restore"),
        (OverflowError("Python int too large to convert to SQLite INTEGER"), "too large"),
    ],
)
def test_low_level_failures_are_put_in_plain_words(error: BaseException, words: str) -> None:
    text = plain_failure(error, Path("/x/ledger.db"))
    assert words in text
    assert "/x/" in text or words == "too large"


def test_check_db_reports_a_healthy_ledger_and_is_safe_twice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    capsys.readouterr()
    before = sha256(ledger)
    first = run(capsys, "--db", str(ledger), "check-db")
    second = run(capsys, "--db", str(ledger), "check-db")
    assert first == second
    assert first[0] == 0
    assert "The ledger is healthy" in first[1]
    assert sha256(ledger) == before


def test_check_db_names_a_broken_log_and_what_to_do(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    conn = sqlite3.connect(ledger)
    conn.execute("update deliveries set verifier = 'edited outside' where id = 1")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", str(ledger), "check-db")
    assert code == 1
    assert "change log does not match" in out
    assert "carbon-tracker restore" in out


def test_check_db_names_derived_data_out_of_step(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tracker.store.check import check_database
    from tracker.store.database import open_database

    ledger = demo_ledger(tmp_path / "ledger.db")
    db = open_database(ledger, create=False)
    db.execute(
        "update retirements set contract_id = (select max(id) from contracts) "
        "where id = (select min(id) from retirements)"
    )
    report = check_database(db)
    db.close()
    assert "under another contract than their delivery" in report.describe()
    assert "check.retirement_contract" in [f.code for f in report.findings]
