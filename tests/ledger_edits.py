"""Edits made through the services, as a window makes them, each returning its change
notice: for tests that check what is kept or evaluated again after a change."""

from __future__ import annotations

import sqlite_utils

from tracker.domain.changes import ChangeSet
from tracker.services.audit.verifications import add_verification
from tracker.services.contracts import delete_contract
from tracker.services.deliveries import delete_delivery, update_delivery
from tracker.services.form_data import delivery_input
from tracker.services.retirements import delete_retirement
from tracker.store import queries


def first_id(db: sqlite_utils.Database, sql: str) -> int:
    """The first value of ``sql``'s first row, as an id."""
    return int(db.execute(sql).fetchone()[0])


def heavier(db: sqlite_utils.Database, kg: int) -> ChangeSet:
    """A delivery awaiting its serials gets ``kg`` more (no block to keep in step)."""
    delivery_id = first_id(db, "select id from deliveries where serial_block is null limit 1")
    d = queries.delivery(db, delivery_id)
    data = {**delivery_input(d), "tonnes": str((d.tonnes_kg + kg) / 1000)}
    return update_delivery(db, delivery_id, data)[1]


def failed(db: sqlite_utils.Database, delivery_sql: str) -> ChangeSet:
    """The delivery ``delivery_sql`` names fails verification on its delivery day."""
    delivery_id = first_id(db, delivery_sql)
    day = queries.delivery(db, delivery_id).delivered_on
    data = {"verified_on": day.isoformat(), "outcome": "failed", "verifier": "Earthood"}
    return add_verification(db, delivery_id, data)[1]


def no_retirement(db: sqlite_utils.Database) -> ChangeSet:
    """The last retirement deleted."""
    return delete_retirement(db, first_id(db, "select max(id) from retirements"))[1]


def no_delivery(db: sqlite_utils.Database) -> ChangeSet:
    """The last delivery nothing was retired or invalidated from, deleted."""
    found = "select max(id) from deliveries where id not in (select delivery_id from retirements)"
    found += " and id not in (select delivery_id from invalidations)"
    return delete_delivery(db, first_id(db, found))[1]


def no_contract(db: sqlite_utils.Database) -> ChangeSet:
    """The last contract deleted, with its records."""
    return delete_contract(db, first_id(db, "select max(id) from contracts"))[1]
