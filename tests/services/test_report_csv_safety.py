"""Every report is safe to open in a spreadsheet and written atomically."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import stat
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.services import csv_safe
from tracker.services.invalidations import add_invalidation
from tracker.services.reports import REPORTS, ReportOptions
from tracker.services.retirements import retire
from tracker.store.unit_of_work import UnitOfWork

# OWASP CSV injection / CWE-1236 payloads, one per dangerous leading character.
PAYLOADS = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\tleading tab",
    "\rleading carriage return",
    "\0leading nul",
]
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
OPTIONS = ReportOptions(as_of=dt.date(2027, 1, 1))


def poisoned_ledger(db: sqlite_utils.Database, payload: str) -> None:
    """A contract over-delivered (so some figures are negative) with the payload in every
    free-text field, written below the input layer's trimming."""
    contract = make_contract(db, tonnes="100")
    delivery = make_delivery(db, contract, tonnes="150", serial_block="ACR-US-1-2025-1-1 to 150")
    [retirement], _ = retire(db, contract, {"retired_on": "2025-09-30", "tonnes": "10"})
    invalidation, _ = add_invalidation(
        db, delivery, {"invalidated_on": "2025-10-01", "tonnes": "1", "reason": "reversal"}
    )
    with UnitOfWork(db) as uow:
        texts = {
            f: f"{payload} {f}" for f in ("reference", "buyer", "supplier", "project", "notes")
        }
        if payload.startswith("\0"):  # SQLite's length() ends at NUL: keep the reference valid
            texts["reference"] = "C-1"
        uow.update("contracts", contract, texts)
        uow.update("deliveries", delivery, {"verifier": payload, "reference": payload})
        assert retirement.id is not None
        uow.update(
            "retirements", retirement.id, {"beneficiary": payload, "registry_reference": payload}
        )
        assert invalidation.id is not None
        uow.update(
            "invalidations", invalidation.id, {"registry_reference": payload, "note": payload}
        )


def written_cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))[1:]


@pytest.mark.parametrize("payload", PAYLOADS, ids=[repr(p[:6]) for p in PAYLOADS])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_dangerous_cell_is_neutralised_and_numbers_stay_numbers(
    db: sqlite_utils.Database, tmp_path: Path, name: str, payload: str
) -> None:
    poisoned_ledger(db, payload)
    report = REPORTS[name]
    path = tmp_path / f"{name}.csv"

    csv_safe.write_file(path, report.header, report.rows(db, OPTIONS))

    cells = [c for row in written_cells(path) for c in row]
    assert cells
    dangerous = [c for c in cells if c.startswith(csv_safe.DANGEROUS_LEADS) and not NUMBER.match(c)]
    assert dangerous == []
    if payload.strip() in "".join(cells):  # the payload is in this report
        assert any(c.startswith("'") for c in cells)


def test_negative_figures_are_written_as_plain_numbers(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    poisoned_ledger(db, "=1")
    report = REPORTS["summary"]
    path = tmp_path / "summary.csv"
    csv_safe.write_file(path, report.header, report.rows(db, OPTIONS))
    undelivered = list(report.header).index("undelivered_tonnes")
    assert {row[undelivered] for row in written_cells(path)} == {
        "-49"
    }  # 100 t contracted, 150 t delivered, 1 t invalidated


def test_bom_option_starts_the_file_with_a_utf8_bom(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db)
    report = REPORTS["summary"]
    with_bom, without = tmp_path / "bom.csv", tmp_path / "plain.csv"
    csv_safe.write_file(with_bom, report.header, report.rows(db, OPTIONS), bom=True)
    csv_safe.write_file(without, report.header, report.rows(db, OPTIONS))
    assert with_bom.read_bytes().startswith(b"\xef\xbb\xbfcontract,")
    assert without.read_bytes().startswith(b"contract,")


def test_a_failure_while_writing_leaves_the_old_file_and_no_partial_one(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db)
    target = tmp_path / "claims.csv"
    target.write_text("previous report\n")

    def failing_rows() -> object:
        yield ["2025", "corporate-target", "removal", "dac", "1", "1"]
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        csv_safe.write_file(target, REPORTS["claims"].header, failing_rows())  # type: ignore[arg-type]

    assert target.read_text() == "previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]


def test_a_saved_report_is_private_to_the_user(tmp_path: Path) -> None:
    """Reports hold contract terms: 0600 like the ledger, whatever the umask (issue 10)."""
    mask = os.umask(0o022)
    try:
        path = tmp_path / "summary.csv"
        csv_safe.write_file(path, ["a"], [["1"]])
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
