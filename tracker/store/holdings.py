"""What is drawn on each delivery: the serials and kilograms retired or invalidated, the
deliveries a retirement can draw on with their status as of a date, and what of each
retirement a later failed verification or invalidation takes back."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any, NamedTuple

from tracker.domain.serials import CreditBatch, SerialBlock, Serials
from tracker.domain.vocab import Registry
from tracker.store import lifecycle, queries
from tracker.store.ledger import Ledger

Row = dict[str, Any]
# delivery id, serial start, serial end (None: drawn by quantity), kilograms
DrawnPart = tuple[int, int | None, int | None, int]


def _one_delivery(delivery_id: int | None, column: str = "delivery_id") -> str:
    """The condition keeping one delivery's rows (none when ``delivery_id`` is None)."""
    return "" if delivery_id is None else f" and {column} = :delivery_id"


def retired_parts(
    db: Ledger, contract_id: int, exclude_retirement: int | None, delivery_id: int | None = None
) -> Iterator[DrawnPart]:
    """Every retirement of the contract (but ``exclude_retirement``) as a drawn part;
    only those of ``delivery_id`` when given."""
    return iter(
        db.execute(
            "select delivery_id, serial_start, serial_end, tonnes_kg from retirements "
            f"where contract_id = :contract_id and id is not :exclude{_one_delivery(delivery_id)}",
            {"contract_id": contract_id, "exclude": exclude_retirement, "delivery_id": delivery_id},
        )
    )


def invalidated_parts(
    db: Ledger, contract_id: int, delivery_id: int | None = None
) -> Iterator[DrawnPart]:
    """Every invalidation of the contract as a drawn part; only those of ``delivery_id``
    when given."""
    return iter(
        db.execute(
            "select delivery_id, serial_start, serial_end, tonnes_kg from invalidations "
            f"where contract_id = :contract_id{_one_delivery(delivery_id)}",
            {"contract_id": contract_id, "delivery_id": delivery_id},
        )
    )


_HOLDINGS = f"""
select d.id, d.vintage, d.delivered_on, d.registry, d.tonnes_kg, d.serial_block,
       d.serial_prefix, d.serial_start, d.serial_end, d.serial_template,
       {lifecycle.STATUS_AS_OF} = 'verified', {lifecycle.STATUS_DAY_AS_OF}
from deliveries d
where d.contract_id = :contract_id and d.verification_status != 'failed'
"""

_REGISTRIES = {registry.value: registry for registry in Registry}


class HeldDelivery(NamedTuple):
    """A delivery as a retirement draws on it: only what the allocator reads."""

    id: int
    vintage: int | None
    delivered_on: dt.date
    registry: Registry
    tonnes_kg: int
    block: Serials | None
    verified_on: dt.date | None  # the day it was verified by the date asked (None: pending)


def holding_rows(
    db: Ledger, contract_id: int, as_of: dt.date, delivery_id: int | None = None
) -> Iterator[HeldDelivery]:
    """The contract's deliveries whose latest verification has not failed, with the day
    they were verified as of ``as_of`` (None while pending then); only ``delivery_id``
    when given.  Read as plain tuples: a contract holds thousands of deliveries, and an
    oldest-first retirement reads them all."""
    params = {"contract_id": contract_id, "as_of": as_of.isoformat(), "delivery_id": delivery_id}
    fromiso = dt.date.fromisoformat
    for (
        delivery,
        vintage,
        delivered_on,
        registry,
        tonnes_kg,
        text,
        prefix,
        start,
        end,
        template,
        verified,
        day,
    ) in db.execute(_HOLDINGS + _one_delivery(delivery_id, "d.id"), params):
        if text is None:
            block: Serials | None = None
        elif start is None:
            block = CreditBatch(text)
        else:
            block = SerialBlock(prefix, start, end, template or "")
        yield HeldDelivery(
            delivery,
            vintage,
            fromiso(delivered_on),
            _REGISTRIES.get(registry) or Registry(registry),
            tonnes_kg,
            block,
            fromiso(day) if verified else None,
        )


_FAILED_SQL = f"""
select r.id, r.delivery_id, r.tonnes_kg, {lifecycle.STATUS_DAY_AS_OF} as since
from retirements r join deliveries d on d.id = r.delivery_id
where r.retired_on <= :as_of {{scope}} and {lifecycle.STATUS_AS_OF} = 'failed'
"""

# The few invalidations first, then their deliveries (joined the other way, SQLite read
# every delivery through an index and probed its invalidations: 0.16 s at a million).
_INVALIDATED_DELIVERIES = """
select d.id, d.tonnes_kg, d.registry from deliveries d
where d.id in (select i.delivery_id from invalidations i where i.invalidated_on <= :as_of)
{scope} order by d.id
"""


def _scoped(column: str, contracts: frozenset[int] | None) -> tuple[str, str]:
    if contracts is None:
        return "", "[]"
    return f"and {column} in (select value from json_each(:scope))", json.dumps(sorted(contracts))


def retired_from_failed(
    db: Ledger, as_of: dt.date, contracts: frozenset[int] | None = None
) -> Iterator[Row]:
    """Retirements (of ``contracts``) made by ``as_of`` from a delivery whose verification
    had failed by then: ``id``, ``delivery_id``, ``tonnes_kg`` and the day it failed
    (``since``)."""
    scope, wanted = _scoped("r.contract_id", contracts)
    params = {"as_of": as_of.isoformat(), "scope": wanted}
    return queries.rows(db, _FAILED_SQL.format(scope=scope), params)


def invalidated_deliveries(
    db: Ledger, as_of: dt.date, contracts: frozenset[int] | None = None
) -> list[Row]:
    """Deliveries (of ``contracts``) with an invalidation dated by ``as_of``: ``id``,
    ``tonnes_kg``, ``registry``."""
    scope, wanted = _scoped("d.contract_id", contracts)
    params = {"as_of": as_of.isoformat(), "scope": wanted}
    return list(queries.rows(db, _INVALIDATED_DELIVERIES.format(scope=scope), params))


# retirement id, kilograms, serial start, serial end
RetiredPart = tuple[int, int, int | None, int | None]
# kilograms, serial start, serial end, invalidated on
InvalidatedPart = tuple[int, int | None, int | None, str]


def _by_delivery(db: Ledger, sql: str, delivery_ids: list[int], day: str) -> dict[int, list[Any]]:
    """The rows ``sql`` selects for these deliveries (their ids in one JSON parameter,
    however many: SQLite caps bound variables), grouped by the delivery id they start
    with, in the query's order; every delivery asked for has a list, maybe empty."""
    found: dict[int, list[Any]] = {d: [] for d in delivery_ids}
    for delivery_id, *part in db.execute(sql, [json.dumps(delivery_ids), day]):
        found[delivery_id].append(tuple(part))
    return found


def retired_from(db: Ledger, delivery_ids: list[int], day: str) -> dict[int, list[RetiredPart]]:
    """Each of these deliveries' retirements dated by ``day``, newest first: one query."""
    return _by_delivery(
        db,
        "select delivery_id, id, tonnes_kg, serial_start, serial_end from retirements "
        "where delivery_id in (select value from json_each(?)) and retired_on <= ? "
        "order by delivery_id, retired_on desc, id desc",
        delivery_ids,
        day,
    )


def invalidations_of(
    db: Ledger, delivery_ids: list[int], day: str
) -> dict[int, list[InvalidatedPart]]:
    """Each of these deliveries' invalidations dated by ``day``, oldest first: one query."""
    return _by_delivery(
        db,
        "select delivery_id, tonnes_kg, serial_start, serial_end, invalidated_on "
        "from invalidations where delivery_id in (select value from json_each(?)) "
        "and invalidated_on <= ? order by delivery_id, invalidated_on, id",
        delivery_ids,
        day,
    )
