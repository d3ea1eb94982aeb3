"""Check the change log: the hash chain, and that replaying it gives the tables.

Three kinds of tampering outside the app are caught: an edited entry (its
hash no longer matches its contents), a deleted entry (the next entry's
``prev_hash`` or ``seq`` no longer follows), and an edited, added or deleted
table row (the replayed contents differ from what is in the table).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from tracker.store import change_log
from tracker.store.change_log import GENESIS_HASH, LOGGED_TABLES, ROW_ACTIONS, LogEntry

MAX_REPORTED = 20


@dataclass(frozen=True, slots=True)
class Mismatch:
    table: str
    record_id: int
    problem: str

    def describe(self) -> str:
        return f"{self.table} record {self.record_id}: {self.problem}"


@dataclass(slots=True)
class LogReport:
    entries: int = 0
    head_hash: str = GENESIS_HASH
    first_broken_seq: int | None = None
    chain_problem: str = ""
    mismatches: list[Mismatch] = field(default_factory=list)
    mismatch_count: int = 0

    @property
    def ok(self) -> bool:
        return self.first_broken_seq is None and self.mismatch_count == 0

    def describe(self) -> str:
        lines = []
        if self.first_broken_seq is not None:
            lines.append(f"chain broken at entry {self.first_broken_seq}: {self.chain_problem}")
        for m in self.mismatches:
            lines.append(f"mismatch: {m.describe()}")
        if self.mismatch_count > len(self.mismatches):
            lines.append(f"… and {self.mismatch_count - len(self.mismatches)} more mismatches")
        if not lines:
            lines.append(
                f"change log intact: {self.entries} entries, the tables match the log "
                f"(head hash {self.head_hash})"
            )
        return "\n".join(lines)


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


# table -> record id -> (digest of the row as last logged, seq of that entry).  Digests
# rather than rows keep memory small when the log holds millions of entries.
Replayed = dict[str, dict[int, tuple[bytes, int]]]


def _check_link(entry: LogEntry, expected_seq: int, prev_hash: str) -> str:
    """Why ``entry`` does not follow the previous one ('' when it does)."""
    if entry.seq != expected_seq:
        if entry.seq == expected_seq + 1:
            return f"entry {expected_seq} is missing (deleted from the log)"
        return f"entries {expected_seq}–{entry.seq - 1} are missing (deleted from the log)"
    if entry.prev_hash != prev_hash:
        return "it does not link to the entry before it (that entry was deleted or altered)"
    digest = change_log.entry_hash(
        entry.seq, entry.logged_at, entry.user, entry.action, entry.table_name, entry.record_id,
        entry.contract_id, entry.before_json, entry.after_json, entry.prev_hash,
    )  # fmt: skip
    if digest != entry.hash:
        return "its contents do not match its hash (the entry was edited outside the app)"
    return ""


def _replay(state: Replayed, entry: LogEntry) -> None:
    if entry.action not in ROW_ACTIONS or entry.record_id is None:
        return
    rows = state.setdefault(entry.table_name, {})
    if entry.action == "delete":
        rows.pop(entry.record_id, None)
    elif entry.after_json is not None:
        rows[entry.record_id] = (_digest(entry.after_json), entry.seq)


def verify_log(db: sqlite_utils.Database) -> LogReport:
    """Walk the whole log, then compare the replayed rows with every logged table."""
    report = LogReport()
    state: Replayed = {t: {} for t in LOGGED_TABLES}
    prev_hash, expected = GENESIS_HASH, 1
    for entry in change_log.iter_all(db):
        report.entries += 1
        if report.first_broken_seq is None:
            problem = _check_link(entry, expected, prev_hash)
            if problem:
                report.first_broken_seq = entry.seq
                report.chain_problem = problem
        _replay(state, entry)
        prev_hash, expected = entry.hash, entry.seq + 1
        report.head_hash = entry.hash
    for table in LOGGED_TABLES:
        _compare_table(db, table, state[table], report)
    return report


def _compare_table(
    db: sqlite_utils.Database, table: str, logged: dict[int, tuple[bytes, int]], report: LogReport
) -> None:
    """Each row, written as canonical JSON by SQLite (``json_object`` with the keys in
    sorted order, as :func:`change_log.canonical` writes them), against the log.  Where
    SQLite's text differs (its escaping of rare characters may), the row is written by
    Python before anything is reported, so only a real difference is a mismatch."""
    names = sorted(r[1] for r in db.execute(f"pragma table_info([{table}])").fetchall())
    as_json = ", ".join(f"'{n}', [{n}]" for n in names)
    cursor = db.execute(f"select id, json_object({as_json}) from [{table}] order by id")
    seen: set[int] = set()
    for row_id, text in cursor:
        seen.add(row_id)
        expected = logged.get(row_id)
        if expected is None:
            _mismatch(report, table, row_id, "is in the table but not in the change log")
        elif expected[0] != _digest(text):
            row = _row(db, table, row_id)
            if expected[0] != _digest(change_log.canonical(row) or ""):
                _mismatch(report, table, row_id, _difference(db, expected[1], row))
    for row_id in sorted(set(logged) - seen):
        _mismatch(report, table, row_id, "is in the change log but missing from the table")


def _row(db: sqlite_utils.Database, table: str, row_id: int) -> dict[str, Any]:
    cursor = db.execute(f"select * from [{table}] where id = ?", [row_id])
    names = [c[0] for c in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def _difference(db: sqlite_utils.Database, seq: int, row: dict[str, Any]) -> str:
    found = db.execute("select after_json from change_log where seq = ?", [seq]).fetchone()
    expected = json.loads(found[0]) if found and found[0] else {}
    changed = sorted(k for k in set(expected) | set(row) if expected.get(k) != row.get(k))
    parts = [f"{k} is {row.get(k)!r}, the log says {expected.get(k)!r}" for k in changed[:3]]
    return "differs from the change log: " + "; ".join(parts)


def _mismatch(report: LogReport, table: str, row_id: int, problem: str) -> None:
    report.mismatch_count += 1
    if len(report.mismatches) < MAX_REPORTED:
        report.mismatches.append(Mismatch(table, row_id, problem))
