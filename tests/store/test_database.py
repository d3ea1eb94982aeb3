import sqlite3
import stat
from pathlib import Path

import pytest

from tracker.store.database import DatabaseError, default_db_path, open_beside, open_database
from tracker.store.migrations import KNOWN_MIGRATIONS, migrations


def test_default_path_follows_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "elsewhere.db"))
    assert default_db_path() == tmp_path / "elsewhere.db"


def test_default_path_is_in_the_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRACKER_DB")
    path = default_db_path()
    assert path.name == "ledger.db"
    assert "carbon-tracker" in path.parts


def test_every_connection_gets_the_durability_policy(db_path: Path) -> None:
    db = open_database(db_path)
    pragma = {
        p: db.execute(f"pragma {p}").fetchone()[0]
        for p in ("foreign_keys", "journal_mode", "synchronous")
    }
    assert pragma == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2}  # 2 = FULL
    db.close()


def test_a_new_ledger_file_is_private_to_the_user(tmp_path: Path) -> None:
    ledger = tmp_path / "new-folder" / "ledger.db"
    open_database(ledger).close()
    assert stat.S_IMODE(ledger.stat().st_mode) == 0o600
    assert stat.S_IMODE(ledger.parent.stat().st_mode) == 0o700


def test_migrations_create_the_schema_on_an_empty_file(db_path: Path) -> None:
    db = open_database(db_path)
    assert {"contracts", "tranches", "deliveries", "retirements"} <= set(db.table_names())
    applied = [m.name for m in migrations.applied(db)]
    assert applied == list(KNOWN_MIGRATIONS)
    assert db.execute("pragma foreign_key_check").fetchall() == []
    db.close()


def test_reopening_an_existing_ledger_keeps_its_data_and_applies_nothing_twice(
    db_path: Path,
) -> None:
    from tests.factories import make_contract

    db = open_database(db_path)
    make_contract(db)
    db.close()
    db = open_database(db_path)
    assert db.execute("select count(*) from contracts").fetchone()[0] == 1
    assert db.execute("select count(*) from _sqlite_migrations").fetchone()[0] == len(
        KNOWN_MIGRATIONS
    )
    db.close()


def test_a_ledger_from_a_newer_tracker_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('tracker', 'm999_from_the_future', '2030-01-01')"
    )
    raw.commit()
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version of the tracker"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_and_kept(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(DatabaseError, match="not a tracker ledger"):
        open_database(bogus)
    assert bogus.read_text().startswith("these are my notes")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(tmp_path)


def test_quantity_columns_refuse_reals(db_path: Path) -> None:
    from tests.factories import make_contract

    db = open_database(db_path)
    make_contract(db)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("update contracts set tonnes_kg = 1.5")
    db.close()


def test_foreign_keys_are_enforced(db_path: Path) -> None:
    db = open_database(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "insert into tranches (contract_id, due_on, tonnes_kg) values (42, '2025-01-01', 1)"
        )
    db.close()


def test_a_connection_beside_an_open_ledger_writes_under_the_same_policy(db_path: Path) -> None:
    window = open_database(db_path)
    worker = open_beside(db_path)
    try:
        assert worker.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert worker.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert worker.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert worker.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        with pytest.raises(sqlite3.IntegrityError):
            worker.execute(
                "insert into tranches (contract_id, due_on, tonnes_kg) values (9, 'x', 1)"
            )
    finally:
        worker.close()
        window.close()


def test_no_connection_beside_a_ledger_that_is_not_there(tmp_path: Path) -> None:
    missing = tmp_path / "gone.db"
    with pytest.raises(DatabaseError, match=r"gone\.db"):
        open_beside(missing)
    assert not missing.exists()
