"""Check the change log: the hash chain, and that replaying it gives the tables.

Three kinds of tampering outside the app are caught: an edited entry (its
hash no longer matches its contents), a deleted entry (the next entry's
``prev_hash`` or ``seq`` no longer follows), and an edited, added or deleted
table row (the replayed contents differ from what is in the table).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
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
    damage: list[str] = field(default_factory=list)  # unreadable pages, failed integrity
    anchor_problem: str = ""

    @property
    def ok(self) -> bool:
        return (
            self.first_broken_seq is None
            and self.mismatch_count == 0
            and not self.damage
            and not self.anchor_problem
        )

    def describe(self) -> str:
        lines = [f"damaged: {d}" for d in self.damage]
        if self.anchor_problem:
            lines.append(f"anchor: {self.anchor_problem}")
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
            lines.append(
                f"head: {self.entries}:{self.head_hash} (keep it elsewhere; "
                f"`verify-log --expect-head {self.entries}:{self.head_hash}` proves later "
                "that no entry was removed or rewritten)"
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


def verify_log(
    db: sqlite_utils.Database, *, integrity: bool = True, anchor: Anchor | None = None
) -> LogReport:
    """Walk the whole log, then compare the replayed rows with every logged table.

    The file's ``integrity_check`` runs first (a damaged index would make the
    comparison lie); an unreadable page is reported, never raised.  With an
    ``anchor`` (a head recorded earlier) removed or re-hashed entries are caught.
    """
    report = LogReport()
    try:
        if integrity:
            result = [r[0] for r in db.execute("PRAGMA integrity_check(20)")]
            if result != ["ok"]:
                report.damage.append(
                    "the ledger file fails its integrity check: " + "; ".join(result[:5])
                )
        _walk(db, report)
    except sqlite3.DatabaseError as exc:
        report.damage.append(f"the change log or a table cannot be read ({exc})")
    if anchor is not None and not report.damage:
        report.anchor_problem = check_anchor(db, anchor)
    if report.damage:
        report.damage.append(
            "run `carbon-tracker check-db`, then restore the newest good backup "
            "(`carbon-tracker restore`)"
        )
    return report


@dataclass(frozen=True, slots=True)
class Anchor:
    """A head of the log recorded elsewhere: entry count and the hash of entry ``count``."""

    count: int
    hash: str

    def __str__(self) -> str:
        return f"{self.count}:{self.hash}"


def parse_anchor(text: str) -> Anchor:
    count, sep, digest = text.strip().partition(":")
    if not sep or not count.isdigit() or len(digest) != 64:
        raise ValueError(f"{text!r} is not a head as N:HASH (entry count, 64-hex-digit hash)")
    return Anchor(int(count), digest.lower())


def head(db: sqlite_utils.Database) -> Anchor:
    seq, digest = change_log.last_link(db)
    return Anchor(seq, digest)


def check_anchor(db: sqlite_utils.Database, anchor: Anchor) -> str:
    """Why the log does not extend ``anchor`` ('' when it does)."""
    if anchor.count == 0:
        return ""
    total = db.execute("select count(*) from change_log").fetchone()[0]
    found = db.execute("select hash from change_log where seq = ?", [anchor.count]).fetchone()
    if found is None:
        return (
            f"the log has {total} entries but held at least {anchor.count} when the head was "
            "recorded: the newest entries were removed (restore the newest good backup)"
        )
    if found[0] != anchor.hash:
        return (
            f"entry {anchor.count} now has hash {found[0]}, not {anchor.hash} as recorded: "
            "the log was rewritten (re-hashed) since (restore the newest good backup)"
        )
    return ""


def _walk(db: sqlite_utils.Database, report: LogReport) -> None:
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
    try:
        expected = json.loads(found[0]) if found and found[0] else {}
    except ValueError:
        return "differs from the change log, whose entry for it is damaged (not valid JSON)"
    if not isinstance(expected, dict):
        return "differs from the change log, whose entry for it is damaged"
    changed = sorted(k for k in set(expected) | set(row) if expected.get(k) != row.get(k))
    parts = [f"{k} is {row.get(k)!r}, the log says {expected.get(k)!r}" for k in changed[:3]]
    return "differs from the change log: " + "; ".join(parts)


def _mismatch(report: LogReport, table: str, row_id: int, problem: str) -> None:
    report.mismatch_count += 1
    if len(report.mismatches) < MAX_REPORTED:
        report.mismatches.append(Mismatch(table, row_id, problem))
