"""Fault suite — figure: removal of the newest log entries (with their rows) and a
re-hashed log are caught with --expect-head and with a backup; a damaged entry or index
page is reported, never a crash."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.factories import make_contract
from tests.faults.helpers import demo_ledger, run
from tracker.store import backups
from tracker.store.change_log import GENESIS_HASH, entry_hash
from tracker.store.database import open_database


def _head(capsys: pytest.CaptureFixture[str], ledger: Path) -> str:
    code, out, _ = run(capsys, "--db", str(ledger), "verify-log")
    assert code == 0
    found = re.search(r"head: (\d+:[0-9a-f]{64})", out)
    assert found is not None
    return found.group(1)


def _add_then_truncate(ledger: Path) -> None:
    """Add a contract, then remove it and its log entry outside the app: the chain and
    the tables still agree, only an anchor can tell."""
    db = open_database(ledger, create=False)
    contract_id = make_contract(db, reference="LATER")
    db.close()
    conn = sqlite3.connect(ledger)
    conn.execute("delete from contracts where id = ?", [contract_id])
    conn.execute("delete from change_log where seq = (select max(seq) from change_log)")
    conn.commit()
    conn.close()


def _rehash_from(ledger: Path, seq: int, new_user: str) -> None:
    """Rewrite entry ``seq`` and recompute every hash after it, as a forger would."""
    conn = sqlite3.connect(ledger)
    conn.execute("update change_log set user = ? where seq = ?", [new_user, seq])
    rows = conn.execute(
        "select seq, logged_at, user, action, table_name, record_id, contract_id, "
        "before_json, after_json from change_log order by seq"
    ).fetchall()
    prev = GENESIS_HASH
    for row in rows:
        digest = entry_hash(*row, prev)
        conn.execute(
            "update change_log set prev_hash = ?, hash = ? where seq = ?", [prev, digest, row[0]]
        )
        prev = digest
    conn.commit()
    conn.close()


def test_tail_truncation_is_caught_with_expect_head(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    db = open_database(ledger, create=False)
    make_contract(db, reference="KEPT")
    db.close()
    head = _head(capsys, ledger)
    _add_then_truncate(ledger)
    conn = sqlite3.connect(ledger)  # and the KEPT entry too: the log now ends before head
    conn.execute("delete from contracts where reference = 'KEPT'")
    conn.execute("delete from change_log where seq = (select max(seq) from change_log)")
    conn.commit()
    conn.close()
    assert run(capsys, "--db", str(ledger), "verify-log")[0] == 0  # the chain alone agrees
    code, out, _ = run(capsys, "--db", str(ledger), "verify-log", "--expect-head", head)
    assert code == 1
    assert "newest entries were removed" in out


def test_a_rehashed_log_is_caught_with_expect_head(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    head = _head(capsys, ledger)
    _rehash_from(ledger, 3, "someone else")
    assert run(capsys, "--db", str(ledger), "verify-log")[0] == 0
    code, out, _ = run(capsys, "--db", str(ledger), "verify-log", "--expect-head", head)
    assert code == 1
    assert "rewritten" in out


@pytest.mark.parametrize("forgery", ["truncate", "rehash"])
def test_forgery_is_caught_against_a_backup(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, forgery: str
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    db = open_database(ledger, create=False)
    make_contract(db, reference="LOGGED")
    backup = backups.make_backup(db, ledger, "manual")
    db.close()
    if forgery == "truncate":
        conn = sqlite3.connect(ledger)
        conn.execute("delete from contracts where reference = 'LOGGED'")
        conn.execute("delete from change_log where seq = (select max(seq) from change_log)")
        conn.commit()
        conn.close()
    else:
        _rehash_from(ledger, 2, "forger")
    assert run(capsys, "--db", str(ledger), "verify-log")[0] == 0
    code, out, _ = run(capsys, "--db", str(ledger), "verify-log", "--against", str(backup))
    assert code == 1
    assert "anchor:" in out


def test_a_damaged_log_entry_is_reported_not_a_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    conn = sqlite3.connect(ledger)
    conn.execute('update change_log set after_json = \'{"id": 1, "refer\' where seq = 2')
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "--db", str(ledger), "verify-log")
    assert code == 1
    assert "chain broken at entry 2" in out
    assert "Traceback" not in err


def test_a_damaged_index_page_is_caught(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    conn = sqlite3.connect(ledger)
    page_size = conn.execute("pragma page_size").fetchone()[0]
    root = conn.execute(
        "select rootpage from sqlite_master where name = 'change_log_record'"
    ).fetchone()[0]
    conn.close()
    data = bytearray(ledger.read_bytes())
    end = root * page_size
    data[end - 300 : end - 100] = bytes(range(200))  # garble index cells
    ledger.write_bytes(bytes(data))
    code, out, err = run(capsys, "--db", str(ledger), "verify-log")
    assert code == 1
    assert "damaged" in out + err
    assert "intact" not in out
    assert "Traceback" not in err


def test_an_export_receipt_anchors_the_log(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    report = tmp_path / "summary.csv"
    assert run(capsys, "--db", str(ledger), "export", "summary", "-o", str(report))[0] == 0
    receipt = tmp_path / "summary.csv.receipt.json"
    assert receipt.stat().st_mode & 0o777 == 0o600
    assert run(capsys, "--db", str(ledger), "verify-log", "--against", str(receipt))[0] == 0
    _rehash_from(ledger, 2, "forger")
    code, out, _ = run(capsys, "--db", str(ledger), "verify-log", "--against", str(receipt))
    assert code == 1
    assert "rewritten" in out
