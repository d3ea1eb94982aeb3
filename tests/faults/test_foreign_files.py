"""Fault suite — figure: a file that is not a healthy ledger of ours is refused with a
clear message, and its bytes are unchanged (sha256 before and after)."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.faults.helpers import demo_ledger, run, sha256
from tracker.store.database import APPLICATION_ID, DatabaseError, open_database


def _refused_untouched(
    capsys: pytest.CaptureFixture[str], path: Path, expected: str, command: str = "summary"
) -> None:
    before = sha256(path)
    listing = sorted(p.name for p in path.parent.iterdir())
    code, _, err = run(capsys, "--db", str(path), command)
    assert code == 1
    assert expected in err
    assert str(path) in err
    assert "Traceback" not in err
    assert sha256(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == listing  # no -wal, lock or backup


@pytest.mark.parametrize("command", ["summary", "import", "demo"])
def test_a_zero_byte_file_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    args = ["import", "contracts", str(tmp_path / "x.csv")] if command == "import" else [command]
    before = sha256(empty)
    code, _, err = run(capsys, "--db", str(empty), *args)
    assert code == 1
    assert "empty file (0 bytes)" in err
    assert sha256(empty) == before
    assert not (tmp_path / "empty.db-wal").exists()


def test_a_text_file_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = tmp_path / "notes.db"
    text.write_text("my notes\n" * 200)
    _refused_untouched(capsys, text, "not an SQLite database", "demo")


@pytest.mark.parametrize("clashing", [False, True], ids=["own-tables", "own-contracts-table"])
def test_another_apps_database_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, clashing: bool
) -> None:
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("create table contracts (id integer primary key, name text)" if clashing
                 else "create table photos (id integer primary key, name text)")  # fmt: skip
    conn.execute("insert into " + ("contracts" if clashing else "photos") + " values (1, 'x')")
    conn.commit()
    conn.close()
    _refused_untouched(capsys, other, "another application's SQLite database", "demo")


def test_a_database_with_a_foreign_application_id_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "geo.gpkg"
    conn = sqlite3.connect(other)
    conn.execute("pragma application_id = 1196444487")  # GeoPackage
    conn.execute("create table t (x)")
    conn.commit()
    conn.close()
    before = sha256(other)
    with pytest.raises(DatabaseError, match="application id 0x47504b47"):
        open_database(other)
    assert sha256(other) == before


def test_a_truncated_ledger_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    data = ledger.read_bytes()
    ledger.write_bytes(data[: len(data) // 2])
    _refused_untouched(capsys, ledger, "restore")


def test_a_damaged_page_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    data = bytearray(ledger.read_bytes())
    page = 4096
    data[3 * page : 3 * page + 200] = b"\xff" * 200  # garble a b-tree page
    ledger.write_bytes(bytes(data))
    _refused_untouched(capsys, ledger, "damaged")


def test_a_newer_schema_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    conn = sqlite3.connect(ledger)
    conn.execute("pragma user_version = 999")
    conn.commit()
    conn.close()
    _refused_untouched(capsys, ledger, "newer version of the tracker", "demo")


def test_a_missing_file_is_refused_and_nothing_is_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder" / "ledger.db"
    code, _, err = run(capsys, "--db", str(missing), "summary")
    assert code == 1
    assert "no such ledger file" in err
    assert "carbon-tracker new" in err
    code, _, err = run(capsys, "--db", str(missing), "import", "contracts", "x.csv")
    assert code == 1
    assert "no such ledger file" in err
    assert not missing.parent.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_file_is_refused_for_writing_and_read_for_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    ledger.chmod(0o400)
    before = sha256(ledger)
    code, _, err = run(capsys, "--db", str(ledger), "demo")
    assert code == 1
    assert "read-only" in err
    assert run(capsys, "--db", str(ledger), "summary")[0] == 0
    assert sha256(ledger) == before


def test_a_read_only_file_is_refused_by_the_access_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same refusal when running as root (which ignores permissions): os.access says no."""
    ledger = demo_ledger(tmp_path / "ledger.db")
    before = sha256(ledger)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == ledger else real_access(p, mode)
    )
    with pytest.raises(DatabaseError, match="the file is read-only"):
        open_database(ledger, create=False)
    assert sha256(ledger) == before


def test_a_read_only_folder_is_named_as_the_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    before = sha256(ledger)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode)
    )
    with pytest.raises(DatabaseError, match="the folder is read-only"):
        open_database(ledger, create=False)
    assert sha256(ledger) == before


def test_new_never_replaces_an_existing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = tmp_path / "notes.db"
    text.write_text("keep me")
    code, _, err = run(capsys, "new", str(text))
    assert code == 1
    assert "already exists" in err
    assert text.read_text() == "keep me"


def test_new_turns_a_zero_byte_file_into_a_ledger(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert run(capsys, "new", str(empty))[0] == 0
    assert run(capsys, "--db", str(empty), "summary")[0] == 0


def test_a_ledger_of_the_previous_release_opens_and_is_stamped(tmp_path: Path) -> None:
    """Written without application_id or user_version (as before this release)."""
    ledger = demo_ledger(tmp_path / "old.db")
    conn = sqlite3.connect(ledger)
    conn.execute("pragma application_id = 0")
    conn.execute("pragma user_version = 0")
    conn.commit()
    conn.close()
    db = open_database(ledger, create=False)
    try:
        assert db.execute("pragma application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("select count(*) from contracts").fetchone()[0] == 5
    finally:
        db.close()


def test_an_existing_ledger_readable_by_others_is_tightened_with_a_notice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    ledger.chmod(0o666)
    code, _, err = run(capsys, "--db", str(ledger), "summary")
    assert code == 0
    assert "tightened to 600" in err
    assert stat.S_IMODE(ledger.stat().st_mode) == 0o600


def test_read_only_commands_write_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    before = sha256(ledger)
    for args in (["summary"], ["check"], ["verify-log"], ["export", "summary"], ["check-db"]):
        run(capsys, "--db", str(ledger), "--as-of", "2027-01-01", *args)
    assert sha256(ledger) == before
    assert not (tmp_path / "ledger.db.lock").exists()


def test_the_default_ledger_is_created_on_first_use(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Only the default ledger (no --db) is made from nothing, by any command."""
    assert run(capsys, "summary")[0] == 0
    assert (tmp_path / "default-ledger.db").exists()
