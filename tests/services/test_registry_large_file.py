"""A 100,000-row registry file reports progress and cancels with nothing written.

A mechanism test: it proves callbacks arrive with growing counts against the file's
size and that cancelling rolls everything back, not how fast it runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import counts, make_contract
from tracker.services.registry import ImportCancelled, ImportOptions, import_registry_file
from tracker.services.registry.importer import PROGRESS_EVERY

ROWS = 100_000
HEADER = "Vintage,Credit Status,Quantity,GSID,Issuance Date,Serial Number\n"


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold-standard-100k.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for n in range(1, ROWS + 1):
            out.write(f"2025,Issued,10,{n},2026-03-31,GS1-1-KE-GS{n}-16-2025-{n}-1-10\n")
    return path


def test_large_import_reports_progress_and_cancels_with_nothing_written(
    db: sqlite_utils.Database, big_file: Path
) -> None:
    make_contract(db, reference="C-1", registry="gold-standard", tonnes="10000000")
    before = counts(db)
    seen: list[tuple[int, int]] = []

    def progress(done: int, expected: int) -> bool:
        seen.append((done, expected))
        return len(seen) < 3  # cancel at the third report

    with pytest.raises(ImportCancelled):
        import_registry_file(db, big_file, ImportOptions(contract="C-1"), progress)

    assert [done for done, _ in seen] == [PROGRESS_EVERY, 2 * PROGRESS_EVERY, 3 * PROGRESS_EVERY]
    assert all(expected == ROWS for _, expected in seen)
    assert counts(db) == before
