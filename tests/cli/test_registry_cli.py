"""`import registry`, `reconcile` and `export REPORT --from/--to` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import contract_data, make_contract, make_delivery
from tests.services.registry_files import acr_file, acr_retirement, gs_file, gs_row, iso_file
from tracker.cli.main import main
from tracker.services.contracts import add_contract
from tracker.store.database import open_database


@pytest.fixture
def ledger(db_path: Path) -> Path:
    db = open_database(db_path)
    add_contract(db, contract_data(reference="C-1", registry="gold-standard"))
    db.close()
    return db_path


def run(*args: str) -> int:
    return main(list(args))


def test_dry_run_prints_the_preview_and_writes_nothing(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row()))

    code = run(
        "import", "registry", str(file), "--contract", "C-1", "--dry-run", "--db", str(ledger)
    )

    out = capsys.readouterr().out
    assert code == 0
    assert "1 row(s) to add" in out
    assert "nothing was written" in out
    assert run("export", "deliveries", "--db", str(ledger)) == 0
    assert capsys.readouterr().out.strip().count("\n") == 0  # header only


def test_import_then_reconcile_is_clean(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_file(gs_row()))
    assert run("import", "registry", str(file), "--contract", "C-1", "--db", str(ledger)) == 0
    assert "1 row(s) added" in capsys.readouterr().out

    assert run("reconcile", str(file), "--db", str(ledger)) == 0


def test_reconcile_prints_flags_and_exits_1(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "acr.csv"
    file.write_bytes(acr_file(acr_retirement()))

    code = run("reconcile", str(file), "--contract", "C-1", "--db", str(ledger))

    assert code == 1
    assert "MISSING_LOCALLY [C-1]" in capsys.readouterr().out


def test_dry_run_with_errors_lists_them_and_exits_1(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "acr.csv"
    file.write_bytes(acr_file(acr_retirement(quantity="-5")))

    code = run("import", "registry", str(file), "--dry-run", "--db", str(ledger))

    assert code == 1
    assert "row 2, column Quantity of Credits" in capsys.readouterr().out


def test_export_claims_with_a_period(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "claims.csv"
    code = run(
        "export",
        "claims",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "-o",
        str(out),
        "--bom",
        "--db",
        str(ledger),
    )
    assert code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfclaim_year,purpose")


def test_dry_run_names_other_buyers_and_what_each_contract_would_get(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "ledger.db"
    db = open_database(db_path)
    contract = make_contract(
        db, reference="MSFT-ISO", buyer="Microsoft", registry="isometric",
        registry_project_ids="prj_1",
    )  # fmt: skip
    make_delivery(
        db, contract, registry="isometric", serial_block="ISO-1-A-2025-1-20000", tonnes="20"
    )
    db.close()
    rows = [
        f"ret_{i},2026-04-09T18:21:22Z,['corporate_targets'],{name},1.0,1000,prj_1"
        for i, name in enumerate(["Workday", "Microsoft", "Workday"])
    ]
    file = tmp_path / "retirements.csv"
    file.write_bytes(iso_file(*rows))

    code = main(["--db", str(db_path), "import", "registry", str(file), "--dry-run"])

    out = capsys.readouterr().out
    assert code == 0
    assert "  to add to MSFT-ISO: 1 row(s), 1.000 t" in out
    assert "  2 row(s) belong to other buyers: Workday 2" in out
    assert out.rstrip().endswith("Dry run: nothing was written.")
