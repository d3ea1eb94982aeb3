"""verify-log compares rows through SQLite's JSON, falling back to Python's before reporting."""

from __future__ import annotations

import sqlite_utils

from tests.factories import make_contract
from tracker.store import log_verify
from tracker.store.log_verify import verify_log

NOTES = 'quote " backslash \\ tab\tnew\nline \u2028 \u00e9mission \U0001f30d </script>'


def test_unusual_text_still_matches_and_tampering_is_still_found(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db, notes=NOTES)
    assert db.execute("select notes from contracts").fetchone()[0] == NOTES
    report = verify_log(db)
    assert report.ok, report.describe()
    db.execute("update contracts set notes = 'edited' where id = ?", [contract])
    report = verify_log(db)
    assert not report.ok
    assert "notes is 'edited'" in report.describe()


def test_rows_are_compared_in_sql_without_python_json(
    db: sqlite_utils.Database, monkeypatch: object
) -> None:
    make_contract(db)
    calls: list[object] = []
    real = log_verify._row
    monkeypatch.setattr(log_verify, "_row", lambda *a: calls.append(a) or real(*a))  # type: ignore[attr-defined]
    assert verify_log(db).ok
    assert calls == []
