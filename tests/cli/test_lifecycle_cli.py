"""The credit lifecycle from the command line: serials later, invalidations, old files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.cli.main import main

CONTRACTS = (
    "reference,buyer,supplier,project,method,credit_type,registry,tonnes,price_per_tonne,"
    "currency,signed_on,start_on,end_on,durability_years,status,notes\n"
    "C-1,Buyer,Supplier,P,dac,removal,acr,1000,500,USD,2024-12-01,2025-01-01,2027-12-31,"
    "1000,active,\n"
)
# a deliveries file written by the previous release: no tranche_due_on column
OLD_DELIVERIES = (
    "contract,delivered_on,tonnes,vintage,registry,serial_block,verification_status,verifier,"
    "verified_on,reference\n"
    "C-1,2025-06-30,100,2025,,,verified,SCS,2025-07-15,TX-1\n"
)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "ledger.db"
    assert _run(capsys, "new", str(db))[0] == 0
    for kind, text in (("contracts", CONTRACTS), ("deliveries", OLD_DELIVERIES)):
        path = tmp_path / f"{kind}.csv"
        path.write_text(text, encoding="utf-8")
        assert _run(capsys, "--db", str(db), "import", kind, str(path))[0] == 0
    return db


def test_a_previous_release_deliveries_file_imports_with_serials_pending(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--db", str(ledger), "export", "deliveries")
    assert code == 0
    line, uid = out.splitlines()[1].rsplit(",", 1)  # a new global id, the last column
    assert line == "C-1,2025-06-30,100,2025,acr,,verified,SCS,2025-07-15,TX-1,"
    assert len(uid) == 36


def test_the_serial_block_arrives_by_re_import_and_verify_log_stays_intact(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    retire = tmp_path / "retire.csv"
    retire.write_text(
        "contract,retired_on,tonnes,serial_block,beneficiary,purpose,claim_start,claim_end,"
        "registry_reference\nC-1,2025-09-30,25,,Buyer,corporate-target,,,R-1\n",
        encoding="utf-8",
    )
    assert _run(capsys, "--db", str(ledger), "import", "retirements", str(retire))[0] == 0
    later = tmp_path / "later.csv"
    later.write_text(OLD_DELIVERIES.replace(",,verified", ",ACR-1-2025-1 to 100,verified"))

    code, out, err = _run(capsys, "--db", str(ledger), "import", "deliveries", str(later))

    assert code == 0, err
    _, retired, _ = _run(capsys, "--db", str(ledger), "export", "retirements")
    assert "ACR-1-2025-1 to 25" in retired
    code, out, _ = _run(capsys, "--db", str(ledger), "verify-log")
    assert code == 0
    assert "intact" in out


def test_invalidations_import_export_and_show_in_the_summary(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "invalidations.csv"
    path.write_text(
        "contract,delivery,invalidated_on,tonnes,serial_block,reason,registry_reference,note\n"
        "C-1,TX-1,2025-10-01,20,,reversal,REV-1,fire\n",
        encoding="utf-8",
    )
    assert _run(capsys, "--db", str(ledger), "import", "invalidations", str(path))[0] == 0
    again = _run(capsys, "--db", str(ledger), "import", "invalidations", str(path))
    assert "0 invalidations row(s) added, 1 already present" in again[1]
    _, out, _ = _run(capsys, "--db", str(ledger), "--as-of", "2026-01-01", "export", "summary")
    header, row = out.splitlines()[:2]
    cells = dict(zip(header.split(","), row.split(","), strict=True))
    assert (cells["delivered_tonnes"], cells["rejected_tonnes"], cells["invalidated_tonnes"]) == (
        "80", "0", "20",
    )  # fmt: skip
    assert header.index("rejected_tonnes") == header.index("verified_tonnes") + len(
        "verified_tonnes,"
    )


def test_a_rejected_delivery_is_refused_for_retirement_in_plain_words(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    failed = tmp_path / "failed.csv"
    failed.write_text(
        OLD_DELIVERIES.replace("verified,SCS,2025-07-15,TX-1", "failed,SCS,2025-07-15,TX-2")
        .replace(",,failed", ",ACR-1-2025-101 to 200,failed"),
        encoding="utf-8",
    )  # fmt: skip
    assert _run(capsys, "--db", str(ledger), "import", "deliveries", str(failed))[0] == 0
    retire = tmp_path / "retire.csv"
    retire.write_text(
        "contract,retired_on,tonnes,serial_block,beneficiary,purpose,claim_start,claim_end,"
        "registry_reference\nC-1,2025-09-30,5,ACR-1-2025-101 to 105,B,other,,,R\n",
        encoding="utf-8",
    )
    code, _, err = _run(capsys, "--db", str(ledger), "import", "retirements", str(retire))
    assert code == 1
    assert "rejected: its verification failed by SCS on 2025-07-15" in err
