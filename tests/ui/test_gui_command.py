"""`carbon-tracker gui --screenshot`: renders the window at 1280×800 and exits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tracker.app import choose_ledger
from tracker.cli.main import main
from tracker.store.database import open_database
from tracker.store.queries import contracts
from tracker.ui import settings

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("tab", ["overview", "deliveries", "flags"])
def test_screenshot_of_a_tab_of_the_demo_portfolio(tmp_path: Path, qapp: object, tab: str) -> None:
    ledger, png = tmp_path / "demo.db", tmp_path / f"{tab}.png"
    assert main(["--db", str(ledger), "demo"]) == 0
    args = ["--db", str(ledger), "--as-of", "2027-01-01", "gui", "--screenshot", str(png)]
    assert main([*args, "--tab", tab, "--contract", "MSFT-1PF-STRATOS-DAC"]) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 800)


def test_the_default_ledger_starts_with_the_demo_portfolio(tmp_path: Path, qapp: object) -> None:
    png = tmp_path / "first-run.png"
    assert main(["gui", "--screenshot", str(png)]) == 0  # $TRACKER_DB names a new file
    db = open_database(tmp_path / "default-ledger.db")
    try:
        assert len(contracts(db)) == 5
    finally:
        db.close()


def test_the_first_run_creates_the_default_ledgers_folder(
    tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = tmp_path / "data" / "carbon-tracker" / "ledger.db"  # a fresh machine: no folder
    monkeypatch.setenv("TRACKER_DB", str(ledger))
    assert main(["gui", "--screenshot", str(tmp_path / "first.png")]) == 0
    db = open_database(ledger)
    try:
        assert len(contracts(db)) == 5
    finally:
        db.close()


def test_a_missing_db_path_is_refused_and_nothing_is_created(
    tmp_path: Path, qapp: object, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = tmp_path / "typo" / "books.db"
    assert main(["--db", str(ledger), "gui", "--screenshot", str(tmp_path / "x.png")]) == 1
    assert "no such ledger file" in capsys.readouterr().err
    assert not ledger.parent.exists()


def test_a_new_ledger_made_with_new_starts_empty(tmp_path: Path, qapp: object) -> None:
    ledger = tmp_path / "books.db"
    assert main(["new", str(ledger)]) == 0
    assert main(["--db", str(ledger), "gui", "--screenshot", str(tmp_path / "x.png")]) == 0
    db = open_database(ledger)
    try:
        assert contracts(db) == []
    finally:
        db.close()


def test_screenshot_of_an_unknown_contract_is_refused(
    tmp_path: Path, qapp: object, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--db", str(tmp_path / "demo.db"), "gui", "--screenshot", str(tmp_path / "x.png")]
    assert main(["new", str(tmp_path / "demo.db")]) == 0
    capsys.readouterr()
    assert main([*args, "--contract", "NOPE"]) == 1
    assert "--contract 'NOPE': is not a known contract reference" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_the_ledger_is_the_db_option_then_the_environment_then_the_last_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    explicit = tmp_path / "explicit.db"
    assert choose_ledger(explicit) == explicit
    assert choose_ledger(None) == tmp_path / "default-ledger.db"  # $TRACKER_DB
    monkeypatch.delenv("TRACKER_DB")
    last = tmp_path / "last.db"
    open_database(last).close()
    settings.remember_file(last)
    assert choose_ledger(None) == last.resolve()
