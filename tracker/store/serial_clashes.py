"""The records that share serials or a registry reference with another record, kept, so
the cross-contract rules read a few candidates instead of ordering a million blocks.

SERIAL_OVERLAP looks, as of a date, for blocks that overlap an earlier block of the same
registry and prefix; DUPLICATE_DELIVERY for deliveries repeating another's block or
registry reference.  Each flag names a record that clashes with another record whatever
the date — so the rules only need the records that clash with some other record at
all, a handful in a real ledger, and evaluate their date conditions on those.

What is kept: ``serial_clashes`` holds at least every such record, by ``kind``:

- ``delivery_block``: a delivery whose block overlaps another delivery's block of the
  same registry and prefix (an identical block overlaps too);
- ``retirement_block``: a retirement whose block overlaps another retirement's block
  of the same prefix (whatever the registry: a superset, so that moving a delivery to
  another registry needs no recount of its retirements);
- ``delivery_reference``: a delivery sharing its registry reference with another.

It may hold more: a record stays noted when what it clashed with is moved or removed,
and the rules' own conditions drop it.  It never holds fewer: ``check-db`` compares it
with a full recount (:func:`missing`) and rebuilds it (:func:`rebuild`).

Kept how: triggers note the records a write makes clash — whoever writes, in the
writer's transaction.  For a block written, the blocks of its partition it clashes with
are those starting within it (an index range), the one starting last before it (if it
reaches into it), and blocks noted already; no other block can overlap it, because two
blocks that both start before it and both reach into it overlap each other, and so are
noted.  The block itself is noted when anything noted after those steps overlaps it.
The cost of a write is a few index lookups plus a look at the noted blocks.  Derived
data: never logged.
"""

from __future__ import annotations

import sqlite_utils

KINDS = ("delivery_block", "retirement_block", "delivery_reference")

SCHEMA = """
CREATE TABLE serial_clashes (
    kind TEXT NOT NULL
        CHECK (kind IN ('delivery_block', 'retirement_block', 'delivery_reference')),
    record_id INTEGER NOT NULL,
    PRIMARY KEY (kind, record_id)
) STRICT, WITHOUT ROWID
"""

# The partition a written block (``new``) lies in, in each table (``x``: another row).
_SAME_PARTITION = {
    "deliveries": "x.registry = new.registry AND x.serial_prefix = new.serial_prefix",
    "retirements": "x.serial_prefix = new.serial_prefix AND x.serial_start IS NOT NULL",
}
_KIND = {"deliveries": "delivery_block", "retirements": "retirement_block"}


def _note_block(table: str) -> tuple[str, ...]:
    kind, same = _KIND[table], _SAME_PARTITION[table]
    note = f"INSERT OR IGNORE INTO serial_clashes (kind, record_id) SELECT '{kind}', "
    return (
        # the blocks starting within the new one
        f"{note}x.id FROM {table} x WHERE {same} "
        "AND x.serial_start BETWEEN new.serial_start AND new.serial_end AND x.id != new.id",
        # the block starting last before it, when it reaches into it
        f"{note}q.id FROM (SELECT x.id, x.serial_end FROM {table} x WHERE {same} "
        "AND x.serial_start < new.serial_start ORDER BY x.serial_start DESC LIMIT 1) q "
        "WHERE q.serial_end >= new.serial_start",
        # the new block itself, when a noted block (now every clashing one) overlaps it
        f"{note}new.id WHERE EXISTS (SELECT 1 FROM serial_clashes k "
        f"CROSS JOIN {table} x ON x.id = k.record_id WHERE k.kind = '{kind}' AND x.id != new.id "
        f"AND {same} AND x.serial_start <= new.serial_end AND x.serial_end >= new.serial_start)",
    )


# Every delivery with the written one's reference, when more than one has it.
_NOTE_REFERENCE = (
    "INSERT OR IGNORE INTO serial_clashes (kind, record_id) "
    "SELECT 'delivery_reference', x.id FROM deliveries x "
    "WHERE x.registry = new.registry AND x.reference = new.reference "
    "AND EXISTS (SELECT 1 FROM deliveries y WHERE y.registry = new.registry "
    "AND y.reference = new.reference AND y.id != new.id)"
)


def _trigger(name: str, event: str, table: str, when: str, *statements: str) -> str:
    body = "".join(f"  {s};\n" for s in statements)
    return f"CREATE TRIGGER {name} AFTER {event} ON {table} WHEN {when}\nBEGIN\n{body}END"


_BLOCK_COLUMNS = {
    "deliveries": "id, registry, serial_prefix, serial_start, serial_end",
    "retirements": "id, serial_prefix, serial_start, serial_end",
}


def _forget(table: str) -> str:
    kinds = (
        "'delivery_block', 'delivery_reference'"
        if table == "deliveries"
        else ("'retirement_block'")
    )
    return f"DELETE FROM serial_clashes WHERE kind IN ({kinds}) AND record_id = old.id"


TRIGGERS = (
    *(
        trigger
        for table in ("deliveries", "retirements")
        for trigger in (
            _trigger(f"{table}_clash_insert", "INSERT", table,
                     "new.serial_start IS NOT NULL", *_note_block(table)),
            _trigger(f"{table}_clash_update", f"UPDATE OF {_BLOCK_COLUMNS[table]}", table,
                     "new.serial_start IS NOT NULL", *_note_block(table)),
            _trigger(f"{table}_clash_delete", "DELETE", table, "1", _forget(table)),
        )
    ),
    _trigger("deliveries_reference_clash_insert", "INSERT", "deliveries",
             "new.reference != ''", _NOTE_REFERENCE),
    _trigger("deliveries_reference_clash_update", "UPDATE OF id, registry, reference",
             "deliveries", "new.reference != ''", _NOTE_REFERENCE),
)  # fmt: skip

# Every record that clashes, recounted: a block overlaps another of its partition when
# a block before it (in the order of starts) reaches it, or the next one starts within it.
_BLOCKS_CLASHING = """
select id from (
  select id, serial_start, serial_end,
    max(serial_end) over (partition by {partition} order by serial_start, id
                          rows between unbounded preceding and 1 preceding) as prev_end,
    lead(serial_start) over (partition by {partition} order by serial_start, id) as next_start
  from {table} where serial_start is not null)
where prev_end >= serial_start or next_start <= serial_end
"""
CLASHING = {
    "delivery_block": _BLOCKS_CLASHING.format(
        partition="registry, serial_prefix", table="deliveries"
    ),
    "retirement_block": _BLOCKS_CLASHING.format(partition="serial_prefix", table="retirements"),
    "delivery_reference": """
select id from (
  select id, count(*) over (partition by registry, reference) as n
  from deliveries where reference != '')
where n > 1
""",
}
_TABLE_OF = {
    "delivery_block": "deliveries",
    "delivery_reference": "deliveries",
    "retirement_block": "retirements",
}


def create(db: sqlite_utils.Database) -> None:
    """The table and its triggers, with every clashing record noted (a migration)."""
    db.execute(SCHEMA)
    for trigger in TRIGGERS:
        db.execute(trigger)
    for kind in KINDS:
        _note_all(db, kind)


def _note_all(db: sqlite_utils.Database, kind: str) -> None:
    db.execute(
        f"INSERT OR IGNORE INTO serial_clashes (kind, record_id) "
        f"SELECT '{kind}', id FROM ({CLASHING[kind]})"
    )


def _missing(db: sqlite_utils.Database, table: str) -> list[int]:
    sql = " union ".join(
        f"select id from ({CLASHING[kind]}) where id not in "
        f"(select record_id from serial_clashes where kind = '{kind}')"
        for kind in KINDS
        if _TABLE_OF[kind] == table
    )
    return [r[0] for r in db.execute(f"{sql} order by 1")]


def missing_deliveries(db: sqlite_utils.Database) -> list[int]:
    """Deliveries that clash with another delivery but are not noted (none, unless a
    write bypassed the triggers)."""
    return _missing(db, "deliveries")


def missing_retirements(db: sqlite_utils.Database) -> list[int]:
    """Retirements whose block overlaps another's but are not noted."""
    return _missing(db, "retirements")


def rebuild_deliveries(db: sqlite_utils.Database, _ids: list[int] | None = None) -> None:
    """Note exactly the deliveries that clash (inside the caller's transaction)."""
    _rebuild(db, "deliveries")


def rebuild_retirements(db: sqlite_utils.Database, _ids: list[int] | None = None) -> None:
    """Note exactly the retirements that clash (inside the caller's transaction)."""
    _rebuild(db, "retirements")


def _rebuild(db: sqlite_utils.Database, table: str) -> None:
    for kind in KINDS:
        if _TABLE_OF[kind] == table:
            db.execute("DELETE FROM serial_clashes WHERE kind = ?", [kind])
            _note_all(db, kind)


def noted(*kinds: str) -> str:
    """SQL selecting the ids noted under any of ``kinds`` (a rule's candidates)."""
    if not kinds or not set(kinds) <= set(KINDS):
        raise ValueError(f"not kinds of serial clash: {kinds!r}")
    listed = ", ".join(f"'{kind}'" for kind in kinds)
    return f"(select record_id from serial_clashes where kind in ({listed}))"
