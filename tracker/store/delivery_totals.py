"""Each delivery's retired and invalidated tonnes, kept, so the Deliveries table sorts by
them through an index.

The Deliveries view shows, per delivery, the tonnes retired from it and invalidated in
it: sums over its retirements and invalidations.  Sorting a million deliveries by such
a sum computes every one of them first (a second or more per page); kept in
``delivery_totals`` with an index each, a sorted page reads 200 index entries.

Kept how: triggers recount a delivery whenever a retirement or invalidation of it is
written or removed, and give each delivery its row when it is inserted — whoever
writes, through the unit of work or not, in the writer's own transaction.  Each recount
sums the delivery's records again (a few rows, through their delivery index) rather
than adding the difference: a row that ever went wrong is right again at its next
change.  ``check-db`` compares every kept row with a full recount (:func:`disagreeing`)
and recounts those that differ (:func:`recount`).  Derived data: never logged.
"""

from __future__ import annotations

import sqlite_utils

SCHEMA = """
CREATE TABLE delivery_totals (
    delivery_id INTEGER PRIMARY KEY,
    retired_kg INTEGER NOT NULL DEFAULT 0,
    invalidated_kg INTEGER NOT NULL DEFAULT 0
) STRICT
;
CREATE INDEX delivery_totals_retired ON delivery_totals(retired_kg)
;
CREATE INDEX delivery_totals_invalidated ON delivery_totals(invalidated_kg)
"""

# The sums of delivery ``d`` (the deliveries table's alias), as kept.
_RETIRED = "(select coalesce(sum(r.tonnes_kg), 0) from retirements r where r.delivery_id = d.id)"
_INVALIDATED = (
    "(select coalesce(sum(i.tonnes_kg), 0) from invalidations i where i.delivery_id = d.id)"
)
_SUMS = f"{_RETIRED}, {_INVALIDATED}"

# Recount the deliveries a condition on ``d`` selects (their rows added where missing).
_RECOUNT = (
    "INSERT INTO delivery_totals (delivery_id, retired_kg, invalidated_kg) "
    f"SELECT d.id, {_SUMS} FROM deliveries d WHERE {{where}} "
    "ON CONFLICT (delivery_id) DO UPDATE SET "
    "retired_kg = excluded.retired_kg, invalidated_kg = excluded.invalidated_kg"
)


def _trigger(name: str, event: str, table: str, *statements: str) -> str:
    body = "".join(f"  {s};\n" for s in statements)
    return f"CREATE TRIGGER {name} AFTER {event} ON {table}\nBEGIN\n{body}END"


def _recount_of(delivery: str) -> str:
    return _RECOUNT.format(where=f"d.id = {delivery}")


TRIGGERS = (
    _trigger("deliveries_totals_insert", "INSERT", "deliveries", _recount_of("new.id")),
    _trigger(
        "deliveries_totals_delete",
        "DELETE",
        "deliveries",
        "DELETE FROM delivery_totals WHERE delivery_id = old.id",
    ),
    _trigger(
        "deliveries_totals_renumber",
        "UPDATE OF id",
        "deliveries",
        "DELETE FROM delivery_totals WHERE delivery_id = old.id",
        _recount_of("new.id"),
    ),
    *(
        trigger
        for table in ("retirements", "invalidations")
        for trigger in (
            _trigger(f"{table}_totals_insert", "INSERT", table, _recount_of("new.delivery_id")),
            _trigger(f"{table}_totals_delete", "DELETE", table, _recount_of("old.delivery_id")),
            _trigger(
                f"{table}_totals_update",
                "UPDATE OF delivery_id, tonnes_kg",
                table,
                _recount_of("old.delivery_id"),
                _recount_of("new.delivery_id"),
            ),
        )
    ),
)


def create(db: sqlite_utils.Database) -> None:
    """The table, its indexes and triggers, with every delivery counted (a migration)."""
    for statement in SCHEMA.split("\n;\n"):
        db.execute(statement)
    for trigger in TRIGGERS:
        db.execute(trigger)
    db.execute(_RECOUNT.format(where="1"))


def disagreeing(db: sqlite_utils.Database) -> list[int]:
    """Deliveries whose kept row differs from a recount or is missing, and kept rows of
    deliveries that no longer exist."""
    sql = f"""
    select d.id from deliveries d
    left join delivery_totals t on t.delivery_id = d.id
    where t.delivery_id is null
       or t.retired_kg is not {_RETIRED} or t.invalidated_kg is not {_INVALIDATED}
    union
    select t.delivery_id from delivery_totals t
    where t.delivery_id not in (select id from deliveries)
    order by 1"""
    return [r[0] for r in db.execute(sql).fetchall()]


def recount(db: sqlite_utils.Database, delivery_ids: list[int]) -> None:
    """Recount these deliveries' kept rows (inside the caller's transaction); rows of
    deliveries that no longer exist are removed."""
    for start in range(0, len(delivery_ids), 500):
        chunk = delivery_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        db.execute(f"DELETE FROM delivery_totals WHERE delivery_id IN ({marks})", chunk)
        db.execute(_RECOUNT.format(where=f"d.id IN ({marks})"), chunk)
