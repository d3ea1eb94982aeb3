"""What the serial-number audit rules read as of a date: overlapping blocks, serial counts
that differ from quantities, duplicate deliveries and over-retirement.

Each is one set-based query; the rules only turn the rows (dicts carrying
``contract_id`` and ``contract``) into flags.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tracker.store import serial_clashes
from tracker.store.ledger import Ledger
from tracker.store.rule_inputs import Row, Scope, as_of_rows, scope_sql
from tracker.store.serial_scope import (
    SerialScope,
    deliveries_of_parts,
    keys_sql,
    retirements_of_parts,
)

# Blocks are ordered per registry and prefix; a block overlaps an earlier one when it
# starts at or before the highest end seen so far.  Only blocks noted as clashing with
# another (``serial_clashes``) can overlap, or be overlapped: the window orders those
# few, not every block.  The overlapping ones are joined to their rows afterwards.
_DELIVERY_OVERLAP = """
with w as (
  select id, registry, serial_prefix, serial_start from (
    select d.id, d.registry, d.serial_prefix, d.serial_start,
           max(d.serial_end) over (
             partition by d.registry, d.serial_prefix order by d.serial_start, d.id
             rows between unbounded preceding and 1 preceding) as prev_end
    from {deliveries} where d.delivered_on <= :as_of and d.id in {noted})
  where prev_end >= serial_start)
select d.id, d.contract_id, d.registry, d.serial_prefix, d.serial_start, d.serial_end,
       d.serial_block, c.reference as contract, o.serial_block as other_block,
       oc.reference as other_contract, o.serial_start as other_start, o.serial_end as other_end
from w
join deliveries d on d.id = w.id
join contracts c on c.id = d.contract_id
join deliveries o on o.id = (
  select x.id from deliveries x
  where x.registry = w.registry and x.serial_prefix = w.serial_prefix
    and x.serial_start <= w.serial_start and x.serial_end >= w.serial_start
    and x.delivered_on <= :as_of
    and (x.serial_start < w.serial_start or x.id < w.id)
  order by x.serial_start, x.id limit 1)
join contracts oc on oc.id = o.contract_id
order by w.registry, w.serial_prefix, w.serial_start, w.id
"""

# Retirements overlapping an earlier one (in the order of their serials) of the same
# registry and prefix: candidates ``w`` from a running maximum of serial ends, then the
# earliest overlapping block ``o`` of the same registry for each.  The whole portfolio's
# candidates are windowed per prefix over the retirements' own serial index, whose order
# the window takes (no sort, no join to deliveries for a million rows): a block of another
# registry with the same prefix may make a retirement a candidate, and the lookup of
# ``o`` — same registry — drops it again.  A scope's candidates are windowed per registry
# and prefix over its partitions.
_RETIREMENT_OVERLAP = """
with w as ({candidates})
select r.id, r.contract_id, d.registry, r.serial_prefix, r.serial_start, r.serial_end,
       r.serial_block, r.retired_on, c.reference as contract, o.serial_block as other_block,
       o.retired_on as other_on, o.serial_start as other_start, o.serial_end as other_end
from w
join retirements r on r.id = w.id
join deliveries d on d.id = r.delivery_id
join contracts c on c.id = r.contract_id
join retirements o on o.id = (
  select x.id from retirements x join deliveries xd on xd.id = x.delivery_id
  where xd.registry = d.registry and x.serial_prefix = r.serial_prefix
    and x.serial_start <= r.serial_start and x.serial_end >= r.serial_start
    and x.retired_on <= :as_of
    and (x.serial_start < r.serial_start or x.id < r.id)
  order by x.serial_start, x.id limit 1)
"""

_CANDIDATES = """
select id from (
  select r.id, r.serial_start,
         max(r.serial_end) over (
           partition by {partition} order by r.serial_start, r.id
           rows between unbounded preceding and 1 preceding) as prev_end
  from {retirements}
  where r.retired_on <= :as_of and r.serial_start is not null and r.id in {noted})
where prev_end >= serial_start
"""


def delivery_overlaps(
    db: Ledger, as_of: dt.date, serials: SerialScope | None = None
) -> Iterator[Row]:
    """Deliveries whose serials an earlier delivery of the same registry and prefix
    already holds, each with that earlier block (``other_*``); of the partitions of
    ``serials`` only, given one."""
    sql = _DELIVERY_OVERLAP.format(
        deliveries=deliveries_of_parts(serials), noted=serial_clashes.noted("delivery_block")
    )
    return as_of_rows(db, sql, as_of, None, **(serials.params() if serials else {}))


def retirement_overlaps(
    db: Ledger, as_of: dt.date, serials: SerialScope | None = None
) -> Iterator[Row]:
    """Retirements whose serials an earlier retirement already retired (``other_*``);
    of the partitions of ``serials`` only, given one."""
    noted = serial_clashes.noted("retirement_block")
    if serials is None:
        candidates = _CANDIDATES.format(
            partition="r.serial_prefix", retirements="retirements r", noted=noted
        )
    else:
        candidates = _CANDIDATES.format(
            partition="d.registry, r.serial_prefix",
            retirements=retirements_of_parts(serials),
            noted=noted,
        )
    sql = _RETIREMENT_OVERLAP.format(candidates=candidates)
    return as_of_rows(db, sql, as_of, None, **(serials.params() if serials else {}))


_COUNT_MISMATCH = """
select 'deliveries' as tbl, d.id, d.contract_id, c.reference as contract, d.registry,
       d.serial_block, d.tonnes_kg, d.serial_end - d.serial_start + 1 as serials,
       d.delivered_on as day
from deliveries d join contracts c on c.id = d.contract_id
where d.delivered_on <= :as_of {scope_d} and {mismatch}
"""
_MISMATCH = (
    "(case when {a}registry = 'isometric' then {b}serial_end - {b}serial_start + 1 "
    "!= {b}tonnes_kg else ({b}serial_end - {b}serial_start + 1) * 1000 != {b}tonnes_kg end)"
)
# A delivery's own condition, as its partial index ``deliveries_count_mismatch`` states
# it (the rule's query states it the same way, on ``d``, so SQLite reads that index).
COUNT_MISMATCH = _MISMATCH.format(a="", b="")


def serial_count_mismatches(db: Ledger, as_of: dt.date, contracts: Scope = None) -> Iterator[Row]:
    """Deliveries whose block holds a different number of ``serials`` than their
    quantity needs (one a tonne; a kilogram for Isometric); the retirements' are among
    ``rule_inputs.retirement_findings``."""
    sql = _COUNT_MISMATCH.format(
        mismatch=_MISMATCH.format(a="d.", b="d."), scope_d=scope_sql("d.contract_id", contracts)
    )
    return as_of_rows(db, sql, as_of, contracts)


_DUPLICATES = """
with dup as (
  select d.*,
    (select min(x.id) from deliveries x
      where x.registry = d.registry and x.serial_prefix = d.serial_prefix
        and x.serial_start = d.serial_start and x.serial_end = d.serial_end
        and x.id < d.id and x.delivered_on <= :as_of) as block_first,
    case when d.reference != '' then
      (select min(x.id) from deliveries x
        where x.registry = d.registry and x.reference = d.reference
          and x.id < d.id and x.delivered_on <= :as_of) end as ref_first
  from deliveries d where d.delivered_on <= :as_of and d.id in {noted} {keys})
select dup.id, dup.contract_id, c.reference as contract, dup.serial_block, dup.reference,
       dup.delivered_on, dup.tonnes_kg, dup.block_first is not null as same_block,
       f.delivered_on as first_on, fc.reference as first_contract
from dup join contracts c on c.id = dup.contract_id
join deliveries f on f.id = coalesce(dup.block_first, dup.ref_first)
join contracts fc on fc.id = f.contract_id
order by dup.id
"""


def duplicate_deliveries(
    db: Ledger, as_of: dt.date, serials: SerialScope | None = None
) -> Iterator[Row]:
    """Deliveries repeating an earlier one's block (``same_block``) or registry
    reference, with the first one's date and contract; of the blocks and references of
    ``serials`` only, given one."""
    noted = serial_clashes.noted("delivery_block", "delivery_reference")
    sql = _DUPLICATES.format(keys=keys_sql("d", serials), noted=noted)
    return as_of_rows(db, sql, as_of, None, **(serials.params() if serials else {}))


# The sums come from the index of retirements by delivery alone (it holds their dates and
# tonnes: m016), in delivery order, so each delivery is then read in its table's order.
_OVER_RETIRED_DELIVERY = """
select d.id, d.contract_id, c.reference as contract, d.serial_block, d.tonnes_kg,
       s.retired_kg, s.n
from (select delivery_id, sum(tonnes_kg) as retired_kg, count(*) as n from retirements
      where retired_on <= :as_of {scope} group by delivery_id) s
join deliveries d on d.id = s.delivery_id
join contracts c on c.id = d.contract_id
where s.retired_kg > d.tonnes_kg
"""


def over_retired_deliveries(db: Ledger, as_of: dt.date, contracts: Scope = None) -> Iterator[Row]:
    """Deliveries (of ``contracts``) more was retired from (``retired_kg`` in ``n``
    retirements) than they hold."""
    scope = ""
    if contracts is not None:  # the retirements of the contracts' deliveries, by index
        scope = "and delivery_id in (select x.id from deliveries x where 1 "
        scope += scope_sql("x.contract_id", contracts) + ")"
    return as_of_rows(db, _OVER_RETIRED_DELIVERY.format(scope=scope), as_of, contracts)
