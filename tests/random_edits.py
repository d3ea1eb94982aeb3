"""Random edits of a ledger, as the window makes them (through the services, which may
refuse one: then nothing changed) and as an import writes rows (repeating another
contract's serials or reference): for tests that check what is kept or evaluated again
after any change.  Each takes the ledger and a seeded ``random.Random`` and returns its
change notice; ``random_run`` plays a seeded run of them."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator

import sqlite_utils

from tests.audit_factories import raw_delivery
from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError
from tracker.services.audit.verifications import add_verification
from tracker.services.contracts import update_contract
from tracker.services.deliveries import delete_delivery, update_delivery
from tracker.services.form_data import contract_input, delivery_input
from tracker.services.invalidations import add_invalidation
from tracker.services.retirements import delete_retirement, retire
from tracker.services.schedule import add_tranche, delete_tranche
from tracker.store import queries
from tracker.store.unit_of_work import UnitOfWork

AS_OF = dt.date(2026, 6, 30)

Edit = Callable[[sqlite_utils.Database, random.Random], ChangeSet]


def _any(db: sqlite_utils.Database, rng: random.Random, sql: str) -> int:
    found = [row[0] for row in db.execute(sql).fetchall()]
    if not found:
        raise LookupError(sql)
    return int(rng.choice(found))


def _day(rng: random.Random) -> str:
    return (AS_OF - dt.timedelta(days=rng.randint(-60, 900))).isoformat()


def _delivery_edited(db: sqlite_utils.Database, rng: random.Random) -> ChangeSet:
    """One field of a delivery changed in its dialog."""
    delivery = queries.delivery(db, _any(db, rng, "select id from deliveries"))
    assert delivery.id is not None
    data = delivery_input(delivery)
    field = rng.choice(["delivered_on", "verification_status", "vintage", "reference"])
    if field == "delivered_on":
        data["delivered_on"] = _day(rng)
        data["verified_on"] = ""
    elif field == "verification_status":
        data["verification_status"] = rng.choice(["pending", "verified", "failed"])
        data["verified_on"] = "" if data["verification_status"] == "pending" else AS_OF.isoformat()
    elif field == "vintage":
        data["vintage"] = str(rng.randint(2018, 2026))
    else:
        other = queries.delivery(db, _any(db, rng, "select id from deliveries"))
        data["reference"] = other.reference  # perhaps another contract's
    return update_delivery(db, delivery.id, data)[1]


def _serials_imported(db: sqlite_utils.Database, rng: random.Random) -> ChangeSet:
    """An import writes a delivery with the serials of another delivery of its registry
    (perhaps another contract's), shifted a little: a repeat, an overlap or neither."""
    target = _any(db, rng, "select id from deliveries where serial_start is not null")
    row = db.execute(
        "select registry, serial_prefix, serial_start, serial_end from deliveries "
        "where serial_start is not null and id != ? and registry = "
        "(select registry from deliveries where id = ?) order by random() limit 1",
        [target, target],
    ).fetchone()
    if row is None:
        return ChangeSet()
    registry, prefix, start, end = row
    shift = rng.choice([0, 0, 1, -1, end - start, end - start + 1])
    first, last = start + shift, end + shift
    if first < 1:
        return ChangeSet()
    with UnitOfWork(db) as uow:
        uow.update("deliveries", target, {
            "registry": registry, "serial_prefix": prefix, "serial_start": first,
            "serial_end": last, "serial_template": f"{prefix}-{{start}}-{{end}}",
            "serial_block": f"{prefix}-{first}-{last}",
        })  # fmt: skip
    return uow.changes


def _delivery_added_elsewhere(db: sqlite_utils.Database, rng: random.Random) -> ChangeSet:
    """An import adds, to some contract, serials another contract's delivery holds."""
    registry, prefix, start, end = db.execute(
        "select registry, serial_prefix, serial_start, serial_end from deliveries "
        "where serial_start is not null order by random() limit 1"
    ).fetchone()
    contract = _any(db, rng, "select id from contracts")
    low = start + rng.randint(0, max(end - start, 0))
    raw_delivery(db, contract, low, low + rng.randint(0, 50), prefix=prefix,
                 delivered_on=_day(rng), registry=registry)  # fmt: skip
    return ChangeSet(inserted=(("deliveries", 0),), contracts=frozenset({contract}))


def _delivery_deleted(db: sqlite_utils.Database, rng: random.Random) -> ChangeSet:
    return delete_delivery(db, _any(db, rng, "select id from deliveries"))[1]


def _retired(db: sqlite_utils.Database, rng: random.Random) -> ChangeSet:
    contract = _any(db, rng, "select distinct contract_id from deliveries")
    data = {"retired_on": _day(rng), "tonnes": str(rng.randint(1, 400)), "purpose": "other",
            "beneficiary": rng.choice(["", "Synthetic Buyer Inc."])}  # fmt: skip
    return retire(db, contract, data)[1]


def _retirement_deleted(db: sqlite_utils.Database, rng: random.Random) -> ChangeSet:
    return delete_retirement(db, _any(db, rng, "select id from retirements"))[1]


def _invalidated(db: sqlite_utils.Database, rng: random.Random) -> ChangeSet:
    delivery = queries.delivery(db, _any(db, rng, "select id from deliveries"))
    assert delivery.id is not None
    kg = rng.randint(1, max(delivery.tonnes_kg // 1000, 1)) * 1000
    data = {"invalidated_on": _day(rng), "tonnes": str(kg / 1000), "reason": "reversal"}
    return add_invalidation(db, delivery.id, data)[1]


def _verified(db: sqlite_utils.Database, rng: random.Random) -> ChangeSet:
    delivery = queries.delivery(db, _any(db, rng, "select id from deliveries"))
    assert delivery.id is not None
    day = delivery.delivered_on + dt.timedelta(days=rng.randint(0, 400))
    data = {"verified_on": day.isoformat(), "outcome": rng.choice(["verified", "failed"]),
            "verifier": "Earthood"}  # fmt: skip
    return add_verification(db, delivery.id, data)[1]


def _contract_edited(db: sqlite_utils.Database, rng: random.Random) -> ChangeSet:
    contract = queries.contract(db, _any(db, rng, "select id from contracts"))
    assert contract.id is not None
    data = contract_input(contract)
    if rng.random() < 0.5:
        data["status"] = rng.choice(["active", "terminated", "completed", "signed"])
    else:
        data["tonnes"] = str(max(contract.tonnes_kg // 1000 + rng.randint(-5000, 5000), 1))
    return update_contract(db, contract.id, data)[1]


def _tranche_added(db: sqlite_utils.Database, rng: random.Random) -> ChangeSet:
    contract = _any(db, rng, "select id from contracts")
    data = {"due_on": _day(rng), "tonnes": str(rng.randint(1, 3000)),
            "vintage": str(rng.randint(2020, 2026))}  # fmt: skip
    return add_tranche(db, contract, data)[1]


def _tranche_deleted(db: sqlite_utils.Database, rng: random.Random) -> ChangeSet:
    return delete_tranche(db, _any(db, rng, "select id from tranches"))[1]


EDITS: list[Edit] = [
    _delivery_edited, _delivery_edited, _serials_imported, _serials_imported,
    _delivery_added_elsewhere, _delivery_deleted, _retired, _retirement_deleted,
    _invalidated, _verified, _contract_edited, _tranche_added, _tranche_deleted,
]  # fmt: skip


def random_run(
    db: sqlite_utils.Database, seed: int, steps: int
) -> Iterator[tuple[int, Edit, ChangeSet]]:
    """``steps`` random edits of ``db`` (seeded): each made one as (step, edit, notice);
    a refused edit, or one with nothing to edit, is skipped (nothing was written)."""
    rng = random.Random(seed)
    for step in range(steps):
        edit = rng.choice(EDITS)
        try:
            changes = edit(db, rng)
        except (TrackerError, LookupError):
            continue
        yield step, edit, changes
