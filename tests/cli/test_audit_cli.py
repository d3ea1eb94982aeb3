"""`check`, `verify-log`, `export flags|history|verifications` and `import verifications`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
from pathlib import Path

import pytest

from tests.factories import make_contract, make_delivery
from tracker.cli.main import main
from tracker.services.audit.review import acknowledge, reviewed_flags
from tracker.store.database import open_database

AS_OF = "2027-01-01"


@pytest.fixture
def ledger(db_path: Path) -> Path:
    """One 1,000 t contract with 100 t delivered: a critical shortfall as of 2027."""
    db = open_database(db_path)
    make_delivery(db, make_contract(db), verification_status="pending", verified_on="")
    db.close()
    return db_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_exits_1_when_a_critical_flag_is_open(ledger, capsys) -> None:
    code, out, _ = _run(capsys, "check", "--db", str(ledger), "--as-of", AS_OF)
    assert code == 1
    assert "CRITICAL (1, 1 open)" in out
    assert "[OPEN] CUMULATIVE_SHORTFALL  C-1  contract C-1" in out
    assert out.rstrip().endswith("1 critical flag(s) open.")


def test_check_exits_0_once_critical_flags_are_acknowledged(ledger, capsys) -> None:
    db = open_database(ledger)
    for r in reviewed_flags(db, dt.date(2027, 1, 1)):
        if r.flag.severity.value == "critical":
            acknowledge(db, r.flag, "Accepted by the board")
    db.close()
    code, out, _ = _run(capsys, "check", "--db", str(ledger), "--as-of", AS_OF)
    assert code == 0
    assert "[ACKNOWLEDGED] CUMULATIVE_SHORTFALL" in out
    assert "Accepted by the board" in out


def test_check_on_an_empty_ledger_reports_no_flags(db_path, capsys) -> None:
    _run(capsys, "new", str(db_path))
    code, out, _ = _run(capsys, "check", "--db", str(db_path), "--as-of", AS_OF)
    assert (code, out.strip()) == (0, "Audit as of 2027-01-01: no flags.")


def test_export_flags_has_the_documented_columns(ledger, capsys) -> None:
    code, out, _ = _run(capsys, "export", "flags", "--db", str(ledger), "--as-of", AS_OF)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert list(rows[0]) == [
        "rule", "severity", "contract", "subject", "message", "status",
        "acknowledged_by", "acknowledged_on", "reason",
    ]  # fmt: skip
    assert ("CUMULATIVE_SHORTFALL", "critical", "open") in {
        (r["rule"], r["severity"], r["status"]) for r in rows
    }


def test_export_history_lists_every_logged_write(ledger, capsys) -> None:
    code, out, _ = _run(capsys, "export", "history", "--db", str(ledger), "--contract", "C-1")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert [(r["action"], r["table"], r["contract"]) for r in rows] == [
        ("insert", "contracts", "C-1"),
        ("insert", "deliveries", "C-1"),
    ]


def test_verify_log_passes_on_an_untouched_ledger(ledger, capsys) -> None:
    code, out, _ = _run(capsys, "verify-log", "--db", str(ledger))
    assert code == 0
    assert out.startswith("change log intact: 7 entries")


def test_verify_log_fails_and_names_the_record_edited_outside_the_app(ledger, capsys) -> None:
    conn = sqlite3.connect(ledger)
    with conn:
        conn.execute("update deliveries set vintage = 2019")
    conn.close()
    code, out, _ = _run(capsys, "verify-log", "--db", str(ledger))
    assert code == 1
    assert "mismatch: deliveries record 1: differs from the change log: vintage is 2019" in out


def test_check_db_keeps_its_english_wording(ledger, capsys) -> None:
    """The report carries messages; the command line words them as it always has."""
    code, out, _ = _run(capsys, "check-db", "--db", str(ledger))
    assert code == 0
    assert out.splitlines()[1:] == [
        "✓ the file passes SQLite's integrity check",
        "✓ every record's links (contract, delivery) lead to a record",
        f"✓ the change log is intact and matches the tables (7 entries, head {_head(ledger)})",
        "✓ derived data (verification status, retirement links, kept totals, allocations and "
        "lists) agrees",
        "The ledger is healthy: nothing to do.",
    ]
    conn = sqlite3.connect(ledger)
    with conn:
        conn.execute("update deliveries set vintage = 2019")
    conn.close()
    code, out, _ = _run(capsys, "check-db", "--db", str(ledger))
    assert code == 1
    assert out.splitlines()[-2:] == [
        "✗ the change log does not match the ledger: mismatch: deliveries record 1: differs "
        "from the change log: vintage is 2019, the log says 2025",
        "1 problem(s) found. Restore the newest good backup: `carbon-tracker restore` lists "
        "them, `carbon-tracker restore newest` puts the newest in place (the current file is "
        "kept aside).",
    ]


def _head(ledger: Path) -> str:
    conn = sqlite3.connect(ledger)
    seq, digest = conn.execute("select seq, hash from change_log order by seq desc").fetchone()
    conn.close()
    return f"{seq}:{digest}"


def test_verify_log_names_the_entry_after_a_deleted_log_entry(ledger, capsys) -> None:
    conn = sqlite3.connect(ledger)
    with conn:
        conn.execute("delete from change_log where seq = 4")
    conn.close()
    code, out, _ = _run(capsys, "verify-log", "--db", str(ledger))
    assert code == 1
    assert "chain broken at entry 5: entry 4 is missing" in out


def test_verify_log_names_a_log_entry_edited_outside_the_app(ledger, capsys) -> None:
    conn = sqlite3.connect(ledger)
    with conn:
        conn.execute("update change_log set user = 'someone else' where seq = 3")
    conn.close()
    code, out, _ = _run(capsys, "verify-log", "--db", str(ledger))
    assert code == 1
    assert "chain broken at entry 3: its contents do not match its hash" in out


def test_import_verifications_reports_what_it_added(ledger, tmp_path, capsys) -> None:
    file = tmp_path / "v.csv"
    file.write_text(
        "delivery_reference,verifier,verified_on,outcome,verified_tonnes,evidence,note\n"
        "TX-1,DNV,2025-08-01,verified,100,,\n",
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "import", "verifications", str(file), "--db", str(ledger))
    assert code == 0
    assert out.strip() == f"{file}: 1 verification row(s) added, 0 already present."


def test_import_verifications_refusal_names_row_and_column(ledger, tmp_path, capsys) -> None:
    file = tmp_path / "v.csv"
    file.write_text(
        "delivery_reference,verifier,verified_on,outcome,verified_tonnes,evidence,note\n"
        "TX-1,DNV,yesterday,verified,100,,\n",
        encoding="utf-8",
    )
    code, _, err = _run(capsys, "import", "verifications", str(file), "--db", str(ledger))
    assert code == 1
    assert "row 2, column verified_on: 'yesterday' is not a valid date as YYYY-MM-DD" in err


def test_check_can_be_limited_to_one_contract(ledger, capsys) -> None:
    db = open_database(ledger)
    make_contract(db, reference="C-2", status="draft")
    db.close()
    code, out, _ = _run(capsys, "check", "--db", str(ledger), "--as-of", AS_OF, "--contract", "C-2")
    assert (code, out.strip()) == (0, "Audit as of 2027-01-01: no flags.")
