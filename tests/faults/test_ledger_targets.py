"""Fault suite — figure: no export, report, PDF or copy is written onto the open ledger,
its -wal/-shm, or any ledger file; the ledger is unchanged and the reason is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.helpers import demo_ledger, run, sha256
from tracker.services import csv_safe
from tracker.store.database import open_database
from tracker.store.targets import LedgerTargetError, ledger_target_problem


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
@pytest.mark.parametrize("kind", ["deliveries", "summary", "pdf"])
def test_export_onto_the_ledger_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str, suffix: str
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    before = sha256(ledger)
    target = f"{ledger}{suffix}"
    code, _, err = run(capsys, "--db", str(ledger), "export", kind, "-o", target)
    assert code == 1
    assert "ledger" in err
    assert "Choose another file name" in err
    assert sha256(ledger) == before
    assert run(capsys, "--db", str(ledger), "verify-log")[0] == 0


def test_export_onto_another_ledger_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    other = demo_ledger(tmp_path / "other.db")
    before = sha256(other)
    code, _, err = run(capsys, "--db", str(ledger), "export", "contracts", "-o", str(other))
    assert code == 1
    assert "is a Carbon Tracker ledger" in err
    assert sha256(other) == before


def test_the_report_writer_refuses_a_ledger_whatever_calls_it(tmp_path: Path) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    before = sha256(ledger)
    with pytest.raises(LedgerTargetError):
        csv_safe.write_file(ledger, ["a"], [["1"]])
    assert sha256(ledger) == before


def test_an_ordinary_file_is_a_fine_target(tmp_path: Path) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    assert ledger_target_problem(tmp_path / "report.csv", ledger) == ""


@pytest.mark.gui
def test_save_a_copy_onto_the_ledger_wal_is_refused(tmp_path: Path, qtbot: object) -> None:
    from PySide6.QtWidgets import QWidget

    from tracker.ui.files import FileController
    from tracker.ui.ledger_store import LedgerStore

    ledger = demo_ledger(tmp_path / "ledger.db")
    store = LedgerStore(open_database(ledger, create=False), ledger)
    parent = QWidget()
    files = FileController(store, parent)
    with pytest.raises(LedgerTargetError, match="belongs to the open ledger"):
        files.copy_to(Path(f"{ledger}-wal"))
    copy = tmp_path / "copy.db"
    files.copy_to(copy)
    assert copy.stat().st_mode & 0o777 == 0o600
    store.close()


@pytest.mark.gui
def test_the_pdf_report_refuses_the_open_ledger(tmp_path: Path, qtbot: object) -> None:
    from tracker.ui.ledger_store import LedgerStore
    from tracker.ui.reports.pdf import write_portfolio_pdf

    ledger = demo_ledger(tmp_path / "ledger.db")
    before = sha256(ledger)
    store = LedgerStore(open_database(ledger, create=False), ledger)
    with pytest.raises(LedgerTargetError):
        write_portfolio_pdf(store, ledger, include_chart=False)
    store.close()
    assert sha256(ledger) == before


@pytest.mark.gui
@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_save_report_onto_the_ledger_says_why_and_writes_nothing(
    tmp_path: Path, qtbot: object, suffix: str
) -> None:
    from tracker.ui.ledger_store import LedgerStore
    from tracker.ui.reports.save_report import SaveReportDialog

    ledger = demo_ledger(tmp_path / "ledger.db")
    store = LedgerStore(open_database(ledger, create=False), ledger)
    before = sha256(ledger)
    target = Path(f"{ledger}{suffix}")
    dialog = SaveReportDialog(store, chooser=lambda _parent, _name: target)
    dialog.save()
    assert dialog.status.text().startswith("Not saved:")
    assert "ledger" in dialog.status.text()
    assert dialog.saved is None
    store.poll_timer.stop()
    store.db.close()
    assert sha256(ledger) == before


@pytest.mark.gui
def test_a_saved_report_gets_a_receipt_with_the_log_head(tmp_path: Path, qtbot: object) -> None:
    import json

    from tracker.store.log_verify import head
    from tracker.ui.ledger_store import LedgerStore
    from tracker.ui.reports.save_report import SaveReportDialog

    ledger = demo_ledger(tmp_path / "ledger.db")
    store = LedgerStore(open_database(ledger, create=False), ledger)
    target = tmp_path / "summary.csv"
    dialog = SaveReportDialog(store, chooser=lambda _parent, _name: target)
    dialog.save()
    assert dialog.wait()
    receipt = json.loads((tmp_path / "summary.csv.receipt.json").read_text())
    assert receipt["head"] == str(head(store.db))
    store.poll_timer.stop()
