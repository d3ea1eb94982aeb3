"""Which serial partitions the cross-contract rules must read again after a change.

SERIAL_OVERLAP compares blocks within one registry and serial prefix (a *partition*);
DUPLICATE_DELIVERY compares deliveries with the same block or the same registry
reference (a *key*).  A flag of either kind can only appear, go or change where a changed
record now lies, or where a flag was before (a record that left a partition can only
have mattered to flags already raised there).  So after a change to some contracts the
rules are evaluated for: the partitions and keys of those contracts' records as they are
now, and those of the records flagged before.  The lists travel to SQLite as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.store.ledger import Ledger


@dataclass(frozen=True, slots=True)
class SerialScope:
    """JSON lists of what to evaluate: ``[[registry, prefix], …]`` partitions of deliveries
    and of retirements, ``[[registry, prefix, start, end], …]`` blocks and
    ``[[registry, reference], …]`` references."""

    delivery_parts: str = "[]"
    retirement_parts: str = "[]"
    blocks: str = "[]"
    references: str = "[]"

    def params(self) -> dict[str, str]:
        return {
            "delivery_parts": self.delivery_parts,
            "retirement_parts": self.retirement_parts,
            "blocks": self.blocks,
            "references": self.references,
        }


_IN_SCOPE = "(select value from json_each(:scope))"
_LISTED = "(select value from json_each(:{name}))"

_DELIVERY_PARTS = f"""
select registry, serial_prefix from deliveries
 where serial_prefix is not null and contract_id in {_IN_SCOPE}
union
select registry, serial_prefix from deliveries
 where serial_prefix is not null and id in {_LISTED.format(name="deliveries")}
"""
_RETIREMENT_PARTS = f"""
select d.registry, r.serial_prefix from retirements r join deliveries d on d.id = r.delivery_id
 where r.serial_prefix is not null and r.contract_id in {_IN_SCOPE}
union
select d.registry, r.serial_prefix from retirements r join deliveries d on d.id = r.delivery_id
 where r.serial_prefix is not null and r.id in {_LISTED.format(name="retirements")}
"""
_BLOCKS = f"""
select registry, serial_prefix, serial_start, serial_end from deliveries
 where serial_start is not null and contract_id in {_IN_SCOPE}
union
select registry, serial_prefix, serial_start, serial_end from deliveries
 where serial_start is not null and id in {_LISTED.format(name="duplicates")}
"""
_REFERENCES = f"""
select registry, reference from deliveries
 where reference != '' and contract_id in {_IN_SCOPE}
union
select registry, reference from deliveries
 where reference != '' and id in {_LISTED.format(name="duplicates")}
"""


def serial_scope(
    db: Ledger,
    contracts: Iterable[int],
    overlapping_deliveries: Iterable[int],
    overlapping_retirements: Iterable[int],
    duplicate_deliveries: Iterable[int],
) -> SerialScope:
    """What to evaluate after a change to ``contracts``, given the records flagged before
    (deliveries and retirements overlapping others, deliveries duplicating others)."""
    params = {
        "scope": json.dumps(sorted(set(contracts))),
        "deliveries": json.dumps(sorted(set(overlapping_deliveries))),
        "retirements": json.dumps(sorted(set(overlapping_retirements))),
        "duplicates": json.dumps(sorted(set(duplicate_deliveries))),
    }

    def listed(sql: str) -> str:
        return json.dumps([list(row) for row in db.execute(sql, params)])

    return SerialScope(
        listed(_DELIVERY_PARTS), listed(_RETIREMENT_PARTS), listed(_BLOCKS), listed(_REFERENCES)
    )


def _pairs(name: str) -> str:
    return (
        f"(select json_extract(value, '$[0]') as registry, "
        f"json_extract(value, '$[1]') as serial_prefix from json_each(:{name}))"
    )


def deliveries_of_parts(scope: SerialScope | None) -> str:
    """The FROM clause of deliveries ``d``: all, or the scope's partitions looked up in
    the serial index (the partitions' list drives the join: CROSS JOIN keeps it outer)."""
    if scope is None:
        return "deliveries d"
    return (
        f"{_pairs('delivery_parts')} p cross join deliveries d "
        "on d.registry = p.registry and d.serial_prefix = p.serial_prefix"
    )


def retirements_of_parts(scope: SerialScope | None) -> str:
    """The FROM clause of retirements ``r`` with their deliveries ``d``: all, or those
    of the scope's partitions, looked up in the retirements' serial index."""
    if scope is None:
        return "retirements r join deliveries d on d.id = r.delivery_id"
    return (
        f"{_pairs('retirement_parts')} p cross join retirements r "
        "on r.serial_prefix = p.serial_prefix and r.serial_start is not null "
        "join deliveries d on d.id = r.delivery_id and d.registry = p.registry"
    )


def keys_sql(alias: str, scope: SerialScope | None) -> str:
    """SQL keeping the deliveries (``alias``) sharing a block or a reference with the
    scope's (all for None)."""
    if scope is None:
        return ""
    return f"""and {alias}.id in (
      select x.id from json_each(:blocks) b join deliveries x
        on x.registry = json_extract(b.value, '$[0]')
       and x.serial_prefix = json_extract(b.value, '$[1]')
       and x.serial_start = json_extract(b.value, '$[2]')
       and x.serial_end = json_extract(b.value, '$[3]')
      union
      select x.id from json_each(:references) f join deliveries x
        on x.registry = json_extract(f.value, '$[0]')
       and x.reference = json_extract(f.value, '$[1]'))"""
