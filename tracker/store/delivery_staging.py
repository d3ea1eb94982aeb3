"""Set-based checks for a deliveries import: the file's rows in a temporary table.

The import validates each row's cells in Python and stages the parsed delivery here
(:func:`stage`); then a fixed number of statements, whatever the row count, decide
each row's fate against the ledger and against the other rows of the file:

* **present** — the ledger (or an earlier row of the file) already holds a delivery of
  the same contract with the same serials and the same fields (compared as the
  tracker import compares them, see ``services/tracker_present.py``);
* **awaiting** — the contract's delivery with this registry reference still awaits its
  serials and the row brings them (the service gives them to it);
* **uid taken** — the row names a global id (``uid``) the ledger holds for a record it
  does not describe (a row naming one it does describe is *present*, whatever else
  matches: the uid is a record's first identity);
* **clash** — the block overlaps (a batch: is) a block of the same registry and prefix
  already delivered, or one of another row of the file.

Overlaps with the ledger are found with the block of the same registry and prefix
that starts last at or before the row's end (one index seek per row, index
``deliveries_serials``).  That is exact whenever the ledger's own blocks do not
overlap each other — which ``SERIAL_OVERLAP`` reports when they do.  Overlaps within
the file are found between neighbours in serial order (window functions): if any
two blocks overlap, some neighbours do, so a file is refused exactly when it should
be.  New rows then go into ``deliveries`` in file order with one ``INSERT … SELECT``,
each keeping the uid its row gave or getting a new one written by SQLite.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlite_utils

from tracker.store.readers import is_open
from tracker.store.uids import NEW_UID_SQL

# New rows go into every index of deliveries at scattered places (a uid is random, a
# quantity anywhere): with SQLite's default cache of 2 MiB each insert reads pages back
# that it has just written out.  An import's unit of work has this much cache instead
# (1M deliveries, two runs each: the insert 16-20 s -> 14-15 s, the whole import
# 108-115 s -> 102-103 s); the pages are taken only as they are used, and given back
# when the import ends.
IMPORT_CACHE_KIB = 256 * 1024


@contextmanager
def import_cache(db: sqlite_utils.Database) -> Iterator[None]:
    """A page cache of ``IMPORT_CACHE_KIB`` on ``db`` while an import runs."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        if is_open(db):
            db.execute(f"PRAGMA cache_size = {int(before)}")


STAGE = "temp.staged_deliveries"
COLUMNS = (
    "line", "contract_id", "delivered_on", "tonnes_kg", "vintage", "registry", "serial_block",
    "serial_prefix", "serial_start", "serial_end", "serial_template", "verification_status",
    "verifier", "verified_on", "reference", "tranche_due_on", "uid",
)  # fmt: skip
DELIVERY_COLUMNS = COLUMNS[1:]
# What a delivery says, compared to find a row repeating an earlier one (not its uid).
CONTENT_COLUMNS = tuple(c for c in DELIVERY_COLUMNS if c != "uid")


def create(db: sqlite_utils.Database) -> None:
    db.execute(f"drop table if exists {STAGE}")
    db.execute(
        f"create table {STAGE} (line INTEGER PRIMARY KEY, contract_id INTEGER, "
        "delivered_on TEXT, tonnes_kg INTEGER, vintage INTEGER, registry TEXT, "
        "serial_block TEXT, serial_prefix TEXT, serial_start INTEGER, serial_end INTEGER, "
        "serial_template TEXT, verification_status TEXT, verifier TEXT, verified_on TEXT, "
        "reference TEXT, tranche_due_on TEXT, uid TEXT, outcome TEXT, awaiting_id INTEGER)"
    )


def drop(db: sqlite_utils.Database) -> None:
    db.execute(f"drop table if exists {STAGE}")


def stage(db: sqlite_utils.Database, rows: Iterable[Sequence[Any]]) -> None:
    """Rows in ``COLUMNS`` order (one prepared statement)."""
    marks = ", ".join("?" for _ in COLUMNS)
    db.conn.executemany(f"insert into {STAGE} ({', '.join(COLUMNS)}) values ({marks})", rows)


def _same_fields(named: bool) -> str:
    fields = (
        "d.delivered_on = s.delivered_on and d.tonnes_kg = s.tonnes_kg "
        "and d.vintage is s.vintage and d.registry = s.registry "
        "and d.verification_status = s.verification_status and d.verifier = s.verifier "
        "and d.verified_on is s.verified_on and d.reference = s.reference"
    )
    return fields + (" and d.tranche_due_on is s.tranche_due_on" if named else "")


_SAME_BLOCK = (
    # a range: the same prefix and range (index deliveries_serials)
    "s.serial_start is not null and d.registry = s.registry "
    "and d.serial_prefix = s.serial_prefix and d.serial_start = s.serial_start "
    "and d.serial_end = s.serial_end and d.contract_id = s.contract_id",
    # a batch: the same id (index deliveries_batch)
    "s.serial_start is null and s.serial_block is not null and d.registry = s.registry "
    "and d.serial_block = s.serial_block and d.serial_start is null "
    "and d.contract_id = s.contract_id",
    # serials still to come (index deliveries_contract)
    "s.serial_block is null and d.contract_id = s.contract_id "
    "and d.delivered_on = s.delivered_on and d.serial_block is null",
)


def mark_named(db: sqlite_utils.Database, named: bool) -> None:
    """Rows naming a uid the ledger holds: *present* when that delivery is the row's
    (same contract, serials and fields), else *uid taken* (index ``deliveries_uid``)."""
    same = " or ".join(f"({same_block})" for same_block in _SAME_BLOCK)
    db.execute(
        f"update {STAGE} as s set outcome = case when exists (select 1 from main.deliveries d "
        f"where d.uid = s.uid and ({same}) and {_same_fields(named)}) "
        "then 'present' else 'uid taken' end "
        "where s.uid is not null and exists (select 1 from main.deliveries d where d.uid = s.uid)"
    )


def uid_taken(db: sqlite_utils.Database) -> Iterator[tuple[int, str]]:
    """(line, uid) of the rows whose uid the ledger holds for another delivery."""
    yield from db.execute(f"select line, uid from {STAGE} where outcome = 'uid taken' order by 1")


def uid_repeated(db: sqlite_utils.Database) -> Iterator[tuple[int, str, int]]:
    """(line, uid, earlier line) of new rows naming the uid of an earlier new row of the
    file that says something else (a row repeating another is *present* by then)."""
    yield from db.execute(
        "select line, uid, first_line from ("
        "  select line, uid, first_value(line) over w as first_line, row_number() over w as n"
        f"  from {STAGE} where uid is not null and (outcome is null or outcome = 'awaiting')"
        "  window w as (partition by uid order by line)"
        ") where n > 1 order by 1"
    )


def mark_present(db: sqlite_utils.Database, named: bool) -> None:
    """Rows the ledger already holds, then rows repeating an earlier row of the file."""
    for same_block in _SAME_BLOCK:
        db.execute(
            f"update {STAGE} as s set outcome = 'present' where outcome is null and exists "
            f"(select 1 from main.deliveries d where {same_block} and {_same_fields(named)})"
        )
    key = ", ".join(c for c in CONTENT_COLUMNS if named or c != "tranche_due_on")
    db.execute(
        f"update {STAGE} set outcome = 'present' where outcome is null and line not in "
        f"(select min(line) from {STAGE} where outcome is null group by {key})"
    )


def mark_awaiting(db: sqlite_utils.Database) -> None:
    """Rows bringing the serials of a delivery of their contract that awaited them (the
    first such row per delivery; index deliveries_awaiting)."""
    db.execute(
        f"update {STAGE} as s set outcome = 'awaiting', awaiting_id = (select d.id "
        "from main.deliveries d where d.contract_id = s.contract_id "
        "and d.reference = s.reference and d.serial_block is null order by d.id limit 1) "
        "where outcome is null and s.serial_block is not null and s.reference != ''"
    )
    db.execute(
        f"update {STAGE} set outcome = null, awaiting_id = null "
        "where outcome = 'awaiting' and (awaiting_id is null or line not in "
        f"(select min(line) from {STAGE} where outcome = 'awaiting' group by awaiting_id))"
    )


Clash = tuple[int, str, str, str, int]


def clashes_with_ledger(db: sqlite_utils.Database) -> Iterator[Clash]:
    """(line, its block, the other block, its contract, 1 for a batch) for rows whose
    serials a delivery of the ledger already holds."""
    yield from db.execute(
        "select s.line, s.serial_block, d.serial_block, c.reference, 0 "
        f"from {STAGE} s join main.deliveries d on d.id = ("
        "  select n.id from main.deliveries n where n.registry = s.registry"
        "  and n.serial_prefix = s.serial_prefix and n.serial_start <= s.serial_end"
        "  order by n.serial_start desc limit 1) "
        "join main.contracts c on c.id = d.contract_id "
        "where (s.outcome is null or s.outcome = 'awaiting') and s.serial_start is not null "
        "and d.serial_end >= s.serial_start "
        "union all "
        "select s.line, s.serial_block, d.serial_block, c.reference, 1 "
        f"from {STAGE} s join main.deliveries d on d.registry = s.registry "
        "and d.serial_block = s.serial_block and d.serial_start is null "
        "join main.contracts c on c.id = d.contract_id "
        "where (s.outcome is null or s.outcome = 'awaiting') and s.serial_start is null "
        "and s.serial_block is not null order by 1"
    )


def clashes_within_file(db: sqlite_utils.Database) -> Iterator[Clash]:
    """(later line, its block, the earlier row's block, its contract, 1 for a batch) for
    rows of the file sharing serials with another row (neighbours in serial order)."""
    yield from db.execute(
        "select max(line, prev_line), "
        "case when line > prev_line then serial_block else prev_block end, "
        "case when line > prev_line then prev_block else serial_block end, "
        "case when line > prev_line then prev_contract else contract end, 0 from ("
        "  select s.line, s.serial_block, s.serial_start, c.reference as contract,"
        "  lag(s.line) over w as prev_line, lag(s.serial_block) over w as prev_block,"
        "  lag(s.serial_end) over w as prev_end, lag(c.reference) over w as prev_contract"
        f"  from {STAGE} s join main.contracts c on c.id = s.contract_id"
        "  where (s.outcome is null or s.outcome = 'awaiting') and s.serial_start is not null"
        "  window w as (partition by s.registry, s.serial_prefix"
        "               order by s.serial_start, s.line)"
        ") where prev_end >= serial_start "
        "union all "
        "select line, serial_block, serial_block, first_contract, 1 from ("
        "  select s.line, s.serial_block, first_value(c.reference) over b as first_contract,"
        "  row_number() over b as n"
        f"  from {STAGE} s join main.contracts c on c.id = s.contract_id"
        "  where (s.outcome is null or s.outcome = 'awaiting') and s.serial_start is null"
        "  and s.serial_block is not null"
        "  window b as (partition by s.registry, s.serial_block order by s.line)"
        ") where n > 1 order by 1"
    )


def counts(db: sqlite_utils.Database) -> dict[str | None, int]:
    return dict(db.execute(f"select outcome, count(*) from {STAGE} group by outcome").fetchall())


def awaiting(db: sqlite_utils.Database) -> Iterator[dict[str, Any]]:
    """Staged rows that give a waiting delivery its serials, with ``id`` = that delivery."""
    cursor = db.execute(
        f"select awaiting_id as id, {', '.join(DELIVERY_COLUMNS)} from {STAGE} "
        "where outcome = 'awaiting' order by line"
    )
    names = [c[0] for c in cursor.description]
    for found in cursor.fetchall():
        yield dict(zip(names, found, strict=True))


def insert_new(db: sqlite_utils.Database, first_id: int) -> int:
    """Append the new rows to ``deliveries`` in file order from id ``first_id``, each with
    the uid its row named, else a new one."""
    names = ", ".join(DELIVERY_COLUMNS)
    values = ", ".join(
        f"coalesce(uid, {NEW_UID_SQL})" if c == "uid" else c for c in DELIVERY_COLUMNS
    )
    cursor = db.execute(
        f"insert into main.deliveries (id, {names}) "
        f"select {int(first_id) - 1} + row_number() over (order by line), {values} "
        f"from {STAGE} where outcome is null order by line"
    )
    return int(cursor.rowcount)
