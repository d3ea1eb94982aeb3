"""Formula injection through every `export KIND` the command line offers, audit
reports (flags, history, verifications) included: free text chosen by a user —
contract fields, a flag's acknowledgement reason, the change log's user name —
never reaches a spreadsheet as a live formula."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from tests.services.test_report_csv_safety import NUMBER, PAYLOADS, poisoned_ledger
from tracker.cli.kinds import EXPORTS
from tracker.cli.main import main
from tracker.services import csv_safe
from tracker.services.audit.review import acknowledge, reviewed_flags
from tracker.services.audit.settings import load_thresholds, save_settings
from tracker.services.audit.verifications import add_verification
from tracker.store.database import open_database

AS_OF = dt.date(2027, 1, 1)


def _poison_everything(path: Path, payload: str) -> None:
    db = open_database(path)
    typed = payload.replace("\0", "")  # what a user can type: inputs refuse a NUL
    save_settings(db, load_thresholds(db), user=f"{typed} user")
    poisoned_ledger(db, payload)
    add_verification(
        db,
        1,
        {
            "verifier": f"{typed} verifier",
            "verified_on": "2025-08-01",
            "outcome": "verified",
            "verified_tonnes": "150",
            "evidence": f"{typed} evidence",
            "note": f"{typed} note",
        },
    )
    for reviewed in reviewed_flags(db, AS_OF):
        acknowledge(db, reviewed.flag, f"{typed} reason")
    db.close()


@pytest.mark.parametrize("payload", PAYLOADS, ids=[repr(p[:6]) for p in PAYLOADS])
@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_every_export_neutralises_dangerous_text(
    db_path: Path, tmp_path: Path, kind: str, payload: str
) -> None:
    _poison_everything(db_path, payload)
    out = tmp_path / f"{kind}.csv"

    code = main(
        ["--db", str(db_path), "--as-of", AS_OF.isoformat(), "export", kind, "-o", str(out)]
    )

    assert code == 0
    with out.open(encoding="utf-8", newline="") as handle:
        cells = [cell for row in list(csv.reader(handle))[1:] for cell in row]
    assert cells, kind
    live = [c for c in cells if c.startswith(csv_safe.DANGEROUS_LEADS) and not NUMBER.match(c)]
    assert live == []


@pytest.mark.parametrize("kind", ["flags", "history"])
def test_audit_reports_carry_the_neutralised_text(db_path: Path, tmp_path: Path, kind: str) -> None:
    _poison_everything(db_path, "=cmd")
    out = tmp_path / f"{kind}.csv"
    main(["--db", str(db_path), "--as-of", AS_OF.isoformat(), "export", kind, "-o", str(out)])
    text = out.read_text(encoding="utf-8")
    expected = "'=cmd reason" if kind == "flags" else "'=cmd user"
    assert expected in text
