"""Fault suite — figure: a CLI import, and a restore, killed with SIGKILL at random points
leave a ledger that passes integrity_check and verify-log and holds all or none of the work."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults.helpers import demo_ledger
from tracker.store.database import open_database
from tracker.store.log_verify import verify_log

ROOT = Path(__file__).resolve().parents[2]
ROWS = 1500
KILL_POINTS = 8
HEADER = "contract,delivered_on,tonnes,vintage,registry,serial_block,verification_status,"
HEADER += "verifier,verified_on,reference\n"


def _deliveries_csv(path: Path) -> Path:
    lines = [HEADER]
    for n in range(ROWS):
        start = 900_000 + n * 10
        lines.append(
            f"MSFT-1PF-STRATOS-DAC,2026-03-{1 + n % 28:02d},0.010,2025,isometric,"
            f"ISO-1-CRASH-USA-TEST-2025-{start}-{start + 9},pending,,,CRASH-{n}\n"
        )
    path.write_text("".join(lines))
    return path


def _state(ledger: Path) -> tuple[str, bool, int]:
    db = open_database(ledger, create=False, read_only=True)
    try:
        integrity = db.execute("pragma integrity_check").fetchone()[0]
        count = db.execute("select count(*) from deliveries").fetchone()[0]
        return integrity, verify_log(db).ok, count
    finally:
        db.close()


def _spawn(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tracker", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
def test_an_import_killed_at_random_points_is_all_or_nothing(tmp_path: Path) -> None:
    base = demo_ledger(tmp_path / "base.db")
    csv = _deliveries_csv(tmp_path / "deliveries.csv")
    _, _, before = _state(base)
    timed = tmp_path / "timed.db"
    shutil.copyfile(base, timed)
    started = time.monotonic()
    proc = _spawn("--db", str(timed), "import", "deliveries", str(csv))
    assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    full = time.monotonic() - started
    assert _state(timed) == ("ok", True, before + ROWS)
    rng = random.Random(10)
    outcomes = set()
    for point in range(KILL_POINTS):
        ledger = tmp_path / f"run-{point}.db"
        shutil.copyfile(base, ledger)
        proc = _spawn("--db", str(ledger), "import", "deliveries", str(csv))
        time.sleep(rng.uniform(0.05, full))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        integrity, log_ok, count = _state(ledger)
        assert (integrity, log_ok) == ("ok", True), point
        assert count in (before, before + ROWS), point
        outcomes.add(count)
    assert outcomes


RESTORE_SCRIPT = """
import sys
from pathlib import Path
from tracker.store.backups import restore
restore(Path(sys.argv[1]), Path(sys.argv[2]))
"""


@pytest.mark.slow
def test_a_restore_killed_at_random_points_leaves_the_old_file_or_the_backup(
    tmp_path: Path,
) -> None:
    base = demo_ledger(tmp_path / "base.db")
    backup = tmp_path / "backup.db"
    shutil.copyfile(base, backup)
    db = open_database(base, create=False)
    from tests.factories import make_contract

    make_contract(db, reference="AFTER-BACKUP")
    db.close()
    rng = random.Random(20)
    for point in range(6):
        ledger = tmp_path / f"restore-{point}.db"
        shutil.copyfile(base, ledger)
        proc = subprocess.Popen(
            [sys.executable, "-c", RESTORE_SCRIPT, str(ledger), str(backup)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        integrity, log_ok, _count = _state(ledger)
        assert (integrity, log_ok) == ("ok", True), point
        assert _references(ledger) in (_references(base), _references(backup)), point


def _references(ledger: Path) -> list[str]:
    db = open_database(ledger, create=False, read_only=True)
    try:
        return [r[0] for r in db.execute("select reference from contracts order by reference")]
    finally:
        db.close()


DELETE_SCRIPT = """
import sys
from tracker.services.contracts import delete_contract
from tracker.store.database import open_database
db = open_database(sys.argv[1], create=False)
contract_id = db.execute(
    "select id from contracts where reference = 'MSFT-1PF-STRATOS-DAC'"
).fetchone()[0]
delete_contract(db, contract_id)
"""


@pytest.mark.slow
def test_a_bulk_delete_killed_at_random_points_is_all_or_nothing(tmp_path: Path) -> None:
    base = demo_ledger(tmp_path / "base.db")
    csv = _deliveries_csv(tmp_path / "deliveries.csv")
    proc = _spawn("--db", str(base), "import", "deliveries", str(csv))
    assert proc.wait(timeout=120) == 0
    _, _, full = _state(base)
    rng = random.Random(30)
    outcomes = set()
    for point in range(6):
        ledger = tmp_path / f"delete-{point}.db"
        shutil.copyfile(base, ledger)
        proc = subprocess.Popen(
            [sys.executable, "-c", DELETE_SCRIPT, str(ledger)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        time.sleep(rng.uniform(0.1, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        integrity, log_ok, count = _state(ledger)
        assert (integrity, log_ok) == ("ok", True), point
        stratos = _references(ledger).count("MSFT-1PF-STRATOS-DAC")
        assert (stratos, count == full) in ((1, True), (0, False)), point
        outcomes.add(stratos)
    assert outcomes
