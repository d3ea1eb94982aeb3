"""Fault suite — figure: a full disk (PRAGMA max_page_count) during an import or a backup
rolls back, says so plainly, and leaves the data as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.helpers import demo_ledger
from tracker.domain.errors import TrackerError
from tracker.services import tracker_csv
from tracker.store import backups
from tracker.store.database import open_database
from tracker.store.log_verify import verify_log


def _deliveries(rows: int) -> str:
    head = "contract,delivered_on,tonnes,vintage,registry,serial_block,verification_status,"
    head += "verifier,verified_on,reference\n"
    lines = [
        f"MSFT-1PF-STRATOS-DAC,2026-03-01,0.010,2025,isometric,"
        f"ISO-1-FULL-USA-TEST-2025-{900_000 + n * 10}-{900_009 + n * 10},pending,,,FULL-{n}\n"
        for n in range(rows)
    ]
    return head + "".join(lines)


def test_a_full_disk_during_an_import_rolls_back_with_a_message(tmp_path: Path) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    db = open_database(ledger, create=False)
    before = db.execute("select count(*) from deliveries").fetchone()[0]
    pages = db.execute("pragma page_count").fetchone()[0]
    db.execute(f"pragma max_page_count = {pages + 2}")
    with pytest.raises(TrackerError, match="disk is full"):
        tracker_csv.import_text(db, "deliveries", _deliveries(2000), "big.csv")
    assert db.execute("select count(*) from deliveries").fetchone()[0] == before
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert verify_log(db).ok
    db.close()


def test_a_full_disk_during_a_backup_leaves_no_partial_copy(tmp_path: Path) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    db = open_database(ledger, create=False)
    with pytest.raises(backups.BackupError, match="disk is full"):
        backups.make_backup(db, ledger, "manual", max_page_count=3)
    assert backups.list_backups(ledger) == [] or all(
        b.reason != "manual" for b in backups.list_backups(ledger)
    )
    assert not list(backups.backup_folder(ledger).glob(".*partial"))
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    db.close()
