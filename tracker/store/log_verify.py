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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from tracker.domain.messages import Field, Message, Number, msg, render
from tracker.store import change_log
from tracker.store.change_log import GENESIS_HASH, LOGGED_TABLES, ROW_ACTIONS
from tracker.store.integrity import IntegrityCheck
from tracker.store.interrupts import was_interrupted

MAX_REPORTED = 20


# How a mismatch names a record of each logged table ("deliveries record 7" on the command
# line, worded in the window's language there).
_RECORD_CODES = {
    "contracts": "log.record_contracts",
    "tranches": "log.record_tranches",
    "deliveries": "log.record_deliveries",
    "retirements": "log.record_retirements",
    "verifications": "log.record_verifications",
    "invalidations": "log.record_invalidations",
    "settings": "log.record_settings",
    "flag_acknowledgements": "log.record_flag_acknowledgements",
}


@dataclass(frozen=True, slots=True)
class Mismatch:
    table: str
    record_id: int
    problem: Message

    def record(self) -> Message:
        """The record, as the report names it: "deliveries record 7"."""
        if self.table in _RECORD_CODES:
            return msg(_RECORD_CODES[self.table], id=self.record_id)
        return msg("log.record", table=self.table, id=self.record_id)

    def message(self) -> Message:
        return msg("log.mismatch", record=self.record(), problem=self.problem)

    def describe(self) -> str:
        return f"{render(self.record())}: {render(self.problem)}"


@dataclass(slots=True)
class LogReport:
    """What verify-log found, as messages (worded in English by :meth:`describe` for the
    command line, in the window's language by ``tracker.ui.messages.log_report``)."""

    entries: int = 0
    head_hash: str = GENESIS_HASH
    first_broken_seq: int | None = None
    chain_problem: Message | None = None
    mismatches: list[Mismatch] = field(default_factory=list)
    mismatch_count: int = 0
    damage: list[Message] = field(default_factory=list)  # unreadable pages, failed integrity
    anchor_problem: Message | None = None

    @property
    def ok(self) -> bool:
        return (
            self.first_broken_seq is None
            and self.mismatch_count == 0
            and not self.damage
            and self.anchor_problem is None
        )

    @property
    def head(self) -> str:
        """The head to keep elsewhere: 'N:HASH'."""
        return f"{self.entries}:{self.head_hash}"

    def problems(self) -> list[Message]:
        """Each problem found, in the order reported (none when the log is intact)."""
        lines = [msg("log.damaged", problem=d) for d in self.damage]
        if self.anchor_problem is not None:
            lines.append(msg("log.anchor", problem=self.anchor_problem))
        if self.first_broken_seq is not None and self.chain_problem is not None:
            lines.append(
                msg("log.chain_broken", seq=self.first_broken_seq, problem=self.chain_problem)
            )
        lines += [m.message() for m in self.mismatches]
        if self.mismatch_count > len(self.mismatches):
            more = Number(self.mismatch_count - len(self.mismatches))
            lines.append(msg("log.more_mismatches", count=more))
        return lines

    def lines(self) -> list[Message]:
        """The report line by line: its problems, or that the log is intact and its head."""
        return self.problems() or [
            msg("log.intact", entries=Number(self.entries), hash=self.head_hash),
            msg("log.head", head=self.head),
        ]

    def describe(self) -> str:
        return "\n".join(render(line) for line in self.lines())


# Each entry's hashed payload, written by SQLite: ``json_array`` gives the text
# ``change_log.entry_hash`` hashes, except where SQLite escapes a rare character
# differently; those entries are hashed again by Python before anything is reported.
# Cast to a blob, the text reaches Python as its UTF-8 bytes, the very bytes hashed,
# without being decoded and encoded again (1.3M entries: 4.9 -> 3.9 s).
_CHAIN = (
    "select seq, prev_hash, hash, cast(json_array(seq, logged_at, user, action, table_name, "
    "record_id, contract_id, before_json, after_json, prev_hash) as blob) "
    "from change_log order by seq"
)


def _link_problem(
    seq: int, prev_hash: str, expected_seq: int, expected_prev: str
) -> Message | None:
    """Why entry ``seq`` does not follow the previous one (None when it does)."""
    if seq != expected_seq:
        if seq == expected_seq + 1:
            return msg("log.entry_missing", seq=expected_seq)
        return msg("log.entries_missing", first=expected_seq, last=seq - 1)
    if prev_hash != expected_prev:
        return msg("log.unlinked")
    return None


def _hash_problem(db: sqlite_utils.Database, seq: int) -> Message | None:
    """Entry ``seq`` hashed as ``change_log.append`` hashed it (None when it matches)."""
    entry = change_log.entry_at(db, seq)
    digest = change_log.entry_hash(
        entry.seq, entry.logged_at, entry.user, entry.action, entry.table_name, entry.record_id,
        entry.contract_id, entry.before_json, entry.after_json, entry.prev_hash,
    )  # fmt: skip
    if digest != entry.hash:
        return msg("log.entry_edited")
    return None


# Called with how many more entries were walked (every STEP_EVERY); it may raise to stop
# the walk (a window's Cancel).
Step = Callable[[int], None]
STEP_EVERY = 20_000


def verify_log(
    db: sqlite_utils.Database,
    *,
    integrity: bool = True,
    anchor: Anchor | None = None,
    step: Step | None = None,
) -> LogReport:
    """Walk the whole log, then compare the replayed rows with every logged table.

    The file's ``integrity_check`` runs beside the walk, on its own connection where
    the ledger is a file, and is reported first (a damaged index would make the
    comparison lie); an unreadable page is reported, never raised.  With an
    ``anchor`` (a head recorded earlier) removed or re-hashed entries are caught.
    ``step`` hears of the walk's progress and may stop it by raising; a statement
    interrupted on the caller's cancel (``store.interrupts``) is raised, and either way
    the integrity check beside is abandoned too.
    """
    report = LogReport()
    check = IntegrityCheck.start(db) if integrity else None
    try:
        try:
            _walk(db, report, step)
            walk_damage = None
        except sqlite3.DatabaseError as exc:
            if was_interrupted(exc):
                raise
            walk_damage = msg("log.unreadable", reason=str(exc))
        problem = check.result() if check is not None else None
    except BaseException:
        if check is not None:
            check.stop()  # not left reading on for seconds after a cancel
        raise
    if problem is not None:
        report.damage.append(problem)
    if walk_damage is not None:
        report.damage.append(walk_damage)
    if anchor is not None and not report.damage:
        report.anchor_problem = check_anchor(db, anchor)
    if report.damage:
        report.damage.append(msg(DAMAGE_ADVICE))
    return report


DAMAGE_ADVICE = "log.damage_advice"  # the last of a damaged report's lines: what to do


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


def check_anchor(db: sqlite_utils.Database, anchor: Anchor) -> Message | None:
    """Why the log does not extend ``anchor`` (None when it does)."""
    if anchor.count == 0:
        return None
    total = db.execute("select count(*) from change_log").fetchone()[0]
    found = db.execute("select hash from change_log where seq = ?", [anchor.count]).fetchone()
    if found is None:
        return msg("log.anchor_removed", total=Number(total), count=Number(anchor.count))
    if found[0] != anchor.hash:
        return msg("log.anchor_rewritten", count=anchor.count, found=found[0], recorded=anchor.hash)
    return None


def _walk(db: sqlite_utils.Database, report: LogReport, step: Step | None = None) -> None:
    prev_hash, expected, entries = GENESIS_HASH, 1, 0
    sha256 = hashlib.sha256
    broken = False
    try:
        for seq, entry_prev, entry_hash, payload in db.execute(_CHAIN):
            entries += 1
            if step is not None and entries % STEP_EVERY == 0:
                step(STEP_EVERY)
            if not broken and (
                seq != expected
                or entry_prev != prev_hash
                or sha256(payload).hexdigest() != entry_hash
            ):
                problem = _link_problem(seq, entry_prev, expected, prev_hash)
                problem = problem or _hash_problem(db, seq)
                if problem is not None:
                    broken = True
                    report.first_broken_seq = seq
                    report.chain_problem = problem
            prev_hash, expected = entry_hash, seq + 1
    finally:
        report.entries, report.head_hash = entries, prev_hash
    for table in LOGGED_TABLES:
        if step is not None:
            step(0)  # between tables: a chance to stop
        _compare_table(db, table, report)


# A row action that leaves the row as its ``after_json`` says (a delete removes it).
_WRITES = tuple(sorted(ROW_ACTIONS - {"delete"}))
_ROW_ACTION_LIST = ", ".join(f"'{a}'" for a in sorted(ROW_ACTIONS))
_WRITE_LIST = ", ".join(f"'{a}'" for a in _WRITES)


def _last_logged(columns: str, record: str) -> str:
    """SQL for the last entry that set or removed record ``record`` of :table: what
    replaying the log leaves of it."""
    return (
        f"select {columns} from change_log e "
        f"where e.table_name = :table and e.record_id = {record} "
        f"and e.action in ({_ROW_ACTION_LIST}) "
        "and (e.action = 'delete' or e.after_json is not null) "
        "order by e.seq desc limit 1"
    )


def _compare_table(db: sqlite_utils.Database, table: str, report: LogReport) -> None:
    """Each row, written as canonical JSON by SQLite (``json_object`` with the keys in
    sorted order, as :func:`change_log.canonical` writes them), against the last log entry
    about it, in one query; only rows that differ come back.  Where SQLite's text differs
    (its escaping of rare characters may), the row is written by Python before anything
    is reported, so only a real difference is a mismatch.  Then the records the log says
    exist but the table lacks."""
    names = sorted(r[1] for r in db.execute(f"pragma table_info([{table}])").fetchall())
    as_json = ", ".join(f"'{n}', t.[{n}]" for n in names)
    differing = f"""
    select x.id, x.row_json from (
      select t.id, json_object({as_json}) as row_json,
             (select l.seq from change_log l where l.table_name = :table and l.record_id = t.id
              order by l.seq desc limit 1) as last_seq
      from [{table}] t) x
    left join change_log e on e.seq = x.last_seq
    where e.seq is null or e.action not in ({_WRITE_LIST}) or e.after_json is not x.row_json
    order by x.id"""
    for row_id, text in db.execute(differing, {"table": table}):
        last = _last_logged("e.seq, e.action, e.after_json", ":id")
        found = db.execute(last, {"table": table, "id": row_id}).fetchone()
        if found is None or found[1] == "delete":
            _mismatch(report, table, row_id, msg("log.not_logged"))
        elif found[2] != text:
            row = _row(db, table, row_id)
            if found[2] != change_log.canonical(row):
                _mismatch(report, table, row_id, _difference(db, found[0], row))
    missing = f"""
    select m.record_id from (
      select distinct record_id from change_log
      where table_name = :table and record_id is not null
        and record_id not in (select id from [{table}])) m
    where ({_last_logged("e.action", "m.record_id")}) != 'delete'
    order by m.record_id"""
    for (row_id,) in db.execute(missing, {"table": table}):
        _mismatch(report, table, row_id, msg("log.not_in_table"))


def _row(db: sqlite_utils.Database, table: str, row_id: int) -> dict[str, Any]:
    cursor = db.execute(f"select * from [{table}] where id = ?", [row_id])
    names = [c[0] for c in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def _difference(db: sqlite_utils.Database, seq: int, row: dict[str, Any]) -> Message:
    found = db.execute("select after_json from change_log where seq = ?", [seq]).fetchone()
    try:
        expected = json.loads(found[0]) if found and found[0] else {}
    except ValueError:
        return msg("log.entry_not_json")
    if not isinstance(expected, dict):
        return msg("log.entry_damaged")
    changed = sorted(k for k in set(expected) | set(row) if expected.get(k) != row.get(k))
    parts = [
        msg(
            "log.field_differs",
            field=Field(k),
            value=repr(row.get(k)),
            logged=repr(expected.get(k)),
        )
        for k in changed[:3]
    ]
    return msg("log.differs", differences=_listed(parts))


def _listed(parts: list[Message]) -> Message | str:
    """The parts one after another ("a; b; c"), as the reader's language separates them."""
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return msg("log.and", first=parts[0], rest=_listed(parts[1:]))


def _mismatch(report: LogReport, table: str, row_id: int, problem: Message) -> None:
    report.mismatch_count += 1
    if len(report.mismatches) < MAX_REPORTED:
        report.mismatches.append(Mismatch(table, row_id, problem))
