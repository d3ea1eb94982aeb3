"""A process killed mid-transaction leaves the ledger intact (SQLite atomic commit)."""

import subprocess
import sys
import textwrap
from pathlib import Path

from tracker.store.database import open_database

SCRIPT = textwrap.dedent(
    """
    import os, sys
    from tracker.store.database import open_database
    from tracker.store.unit_of_work import UnitOfWork
    from tracker.store.rows import contract_row
    from tracker.domain.records import contract_from_input
    from tests.factories import contract_data

    db = open_database(sys.argv[1])
    commit = sys.argv[2] == "commit"
    with UnitOfWork(db) as uow:
        for n in range(200):
            row = contract_row(contract_from_input(contract_data(reference=f"K-{n}")))
            uow.insert("contracts", row)
        if not commit:
            os._exit(9)   # killed before COMMIT
    os._exit(9)           # killed right after COMMIT
    """
)


def _run(db_path: Path, mode: str) -> None:
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db_path), mode],
        cwd=root,
        capture_output=True,
        env={"PYTHONPATH": str(root)},
        check=False,
    )
    assert result.returncode == 9, result.stderr.decode()


def _state(db_path: Path) -> tuple[str, int]:
    db = open_database(db_path)
    try:
        return (
            db.execute("pragma integrity_check").fetchone()[0],
            db.execute("select count(*) from contracts").fetchone()[0],
        )
    finally:
        db.close()


def test_kill_before_commit_leaves_nothing(db_path: Path) -> None:
    open_database(db_path).close()
    _run(db_path, "abort")
    assert _state(db_path) == ("ok", 0)


def test_kill_after_commit_keeps_everything(db_path: Path) -> None:
    open_database(db_path).close()
    _run(db_path, "commit")
    assert _state(db_path) == ("ok", 200)
