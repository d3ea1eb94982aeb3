import subprocess
import sys
from pathlib import Path

import pytest

from tracker.cli.main import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_documents_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("gui", "demo", "import", "export", "summary", "--db", "--as-of"):
        assert command in out


def test_demo_summary_reads_right_for_stratos(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    assert _run(capsys, "--db", str(db_path), "demo")[0] == 0
    code, out, _ = _run(capsys, "--db", str(db_path), "--as-of", "2027-01-01", "summary")
    assert code == 0
    assert "Portfolio as of 2027-01-01" in out
    (line,) = [line for line in out.splitlines() if line.startswith("MSFT-1PF-STRATOS-DAC")]
    assert line.split()[-13:] == [
        "500,000.000", "80,000.000", "68,000.000", "43,000.000", "0.000", "0.000",
        "25,000.000", "43,000.000", "432,000.000", "13.6", "%", "44,200,000.00", "USD",
    ]  # fmt: skip


def test_global_options_work_after_the_command(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    _run(capsys, "demo", "--db", str(db_path))
    code, out, _ = _run(capsys, "summary", "--db", str(db_path), "--as-of", "2025-01-01")
    assert code == 0
    assert "Portfolio as of 2025-01-01" in out


def test_tracker_db_environment_variable_picks_the_ledger(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "env.db"))
    _run(capsys, "demo")
    assert (tmp_path / "env.db").exists()


def test_export_to_a_file_and_import_elsewhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source, target, csv = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "contracts.csv"
    _run(capsys, "--db", str(source), "demo")
    _run(capsys, "new", str(target))
    assert _run(capsys, "--db", str(source), "export", "contracts", "-o", str(csv))[0] == 0
    code, out, _ = _run(capsys, "--db", str(target), "import", "contracts", str(csv))
    assert code == 0
    assert "5 contracts row(s) added, 0 already present" in out


def test_every_kind_round_trips_through_cli_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source, target = tmp_path / "source.db", tmp_path / "target.db"
    _run(capsys, "--db", str(source), "demo")
    _run(capsys, "new", str(target))
    kinds = ("contracts", "schedule", "deliveries", "retirements", "invalidations")
    for kind in kinds:
        exported = tmp_path / f"{kind}.csv"
        assert _run(capsys, "--db", str(source), "export", kind, "-o", str(exported))[0] == 0
        assert _run(capsys, "--db", str(target), "import", kind, str(exported))[0] == 0
    for kind in (*kinds, "summary"):
        first, again = tmp_path / f"first-{kind}.csv", tmp_path / f"again-{kind}.csv"
        _run(capsys, "--db", str(source), "--as-of", "2027-01-01", "export", kind, "-o", str(first))
        _run(capsys, "--db", str(target), "--as-of", "2027-01-01", "export", kind, "-o", str(again))
        rows = 1 if kind == "invalidations" else 2  # the demo has one invalidation
        assert len(first.read_text(encoding="utf-8").splitlines()) > rows, kind
        assert again.read_bytes() == first.read_bytes(), kind


def test_refused_import_exits_1_with_the_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    csv = tmp_path / "schedule.csv"
    csv.write_text("contract,due_on,tonnes,vintage,price_per_tonne\nNOPE,2025-12-31,10,,\n")
    _run(capsys, "new", str(tmp_path / "x.db"))
    code, _, err = _run(capsys, "--db", str(tmp_path / "x.db"), "import", "schedule", str(csv))
    assert code == 1
    assert "row 2, column contract: 'NOPE' is not a known contract reference" in err


def test_export_to_stdout_is_csv(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    _run(capsys, "--db", str(db_path), "demo")
    code, out, _ = _run(capsys, "--db", str(db_path), "--as-of", "2027-01-01", "export", "summary")
    assert code == 0
    assert out.splitlines()[0].startswith("contract,supplier,project,method,contracted_tonnes")
    assert any(
        line.startswith("MSFT-1PF-STRATOS-DAC,") and ",13.6,650.00,USD,44200000.00" in line
        for line in out.splitlines()
    )


def test_a_bad_as_of_date_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--as-of", "2027-13-01", "summary"])
    assert "is not a date as YYYY-MM-DD" in capsys.readouterr().err


def test_python_dash_m_tracker_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "--version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0
    assert result.stdout.startswith("carbon-tracker ")


def test_the_summary_names_methods_in_words_and_counts_contracts_properly(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    _run(capsys, "--db", str(db_path), "demo")
    _, out, _ = _run(capsys, "--db", str(db_path), "--as-of", "2027-01-01", "summary")
    assert "Direct air capture (DAC)" in out
    assert " dac " not in out
    assert "1 contract " in out
    assert "4 contracts" in out
