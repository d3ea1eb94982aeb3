"""Rules about serial numbers: overlaps, counts, duplicates and over-retirement.

Each rule is one set-based query; Python only words the rows it returns.
"""

from __future__ import annotations

from collections.abc import Iterator

from tracker.domain.flags import Flag, Severity
from tracker.services.audit.context import (
    RuleContext,
    delivery_subject,
    flag,
    retirement_subject,
    t,
)

_DELIVERY_OVERLAP = """
with w as (
  select d.id, d.contract_id, d.registry, d.serial_prefix, d.serial_start, d.serial_end,
         d.serial_block,
         max(d.serial_end) over (
           partition by d.registry, d.serial_prefix order by d.serial_start, d.id
           rows between unbounded preceding and 1 preceding) as prev_end
  from deliveries d where d.delivered_on <= :as_of)
select w.*, c.reference as contract, o.serial_block as other_block,
       oc.reference as other_contract, o.serial_start as other_start, o.serial_end as other_end
from w
join contracts c on c.id = w.contract_id
join deliveries o on o.id = (
  select x.id from deliveries x
  where x.registry = w.registry and x.serial_prefix = w.serial_prefix
    and x.serial_start <= w.serial_start and x.serial_end >= w.serial_start
    and x.delivered_on <= :as_of
    and (x.serial_start < w.serial_start or x.id < w.id)
  order by x.serial_start, x.id limit 1)
join contracts oc on oc.id = o.contract_id
where w.prev_end >= w.serial_start
"""

_RETIREMENT_OVERLAP = """
with r as (
  select r.id, r.contract_id, d.registry, r.serial_prefix, r.serial_start, r.serial_end,
         r.serial_block, r.retired_on,
         max(r.serial_end) over (
           partition by d.registry, r.serial_prefix order by r.serial_start, r.id
           rows between unbounded preceding and 1 preceding) as prev_end
  from retirements r join deliveries d on d.id = r.delivery_id
  where r.retired_on <= :as_of)
select r.*, c.reference as contract, o.serial_block as other_block, o.retired_on as other_on,
       o.serial_start as other_start, o.serial_end as other_end
from r
join contracts c on c.id = r.contract_id
join retirements o on o.id = (
  select x.id from retirements x join deliveries xd on xd.id = x.delivery_id
  where xd.registry = r.registry and x.serial_prefix = r.serial_prefix
    and x.serial_start <= r.serial_start and x.serial_end >= r.serial_start
    and x.retired_on <= :as_of
    and (x.serial_start < r.serial_start or x.id < r.id)
  order by x.serial_start, x.id limit 1)
where r.prev_end >= r.serial_start
"""


def _serials(count: int) -> str:
    return f"{count:,} serial{'' if count == 1 else 's'}"


def _shared(row: dict) -> tuple[int, int]:
    return max(row["serial_start"], row["other_start"]), min(row["serial_end"], row["other_end"])


def serial_overlap(ctx: RuleContext) -> Iterator[Flag]:
    """SERIAL_OVERLAP: the same serials delivered twice, or retired twice."""
    for row in ctx.rows(_DELIVERY_OVERLAP):
        low, high = _shared(row)
        yield flag(
            "SERIAL_OVERLAP", Severity.CRITICAL, row, delivery_subject(row["serial_block"]),
            f"Serial block {row['serial_block']} overlaps block {row['other_block']} already "
            f"delivered under contract {row['other_contract']}: serials {low}–{high} "
            f"({_serials(high - low + 1)}) are counted twice.",
            "deliveries", row["id"], row["other_block"], low, high,
        )  # fmt: skip
    for row in ctx.rows(_RETIREMENT_OVERLAP):
        low, high = _shared(row)
        yield flag(
            "SERIAL_OVERLAP", Severity.CRITICAL, row,
            retirement_subject(row["serial_block"], row["retired_on"]),
            f"Retired serial block {row['serial_block']} overlaps block {row['other_block']} "
            f"already retired on {row['other_on']}: serials {low}–{high} "
            f"({_serials(high - low + 1)}) are claimed twice.",
            "retirements", row["id"], row["other_block"], low, high,
        )  # fmt: skip


_COUNT_MISMATCH = """
select 'deliveries' as tbl, d.id, d.contract_id, c.reference as contract, d.registry,
       d.serial_block, d.tonnes_kg, d.serial_end - d.serial_start + 1 as serials,
       d.delivered_on as day
from deliveries d join contracts c on c.id = d.contract_id
where d.delivered_on <= :as_of and {mismatch}
union all
select 'retirements', r.id, r.contract_id, c.reference, d.registry,
       r.serial_block, r.tonnes_kg, r.serial_end - r.serial_start + 1, r.retired_on
from retirements r join deliveries d on d.id = r.delivery_id
join contracts c on c.id = r.contract_id
where r.retired_on <= :as_of and {mismatch_r}
"""
_MISMATCH = (
    "(case when {a}.registry = 'isometric' then {b}.serial_end - {b}.serial_start + 1 "
    "!= {b}.tonnes_kg else ({b}.serial_end - {b}.serial_start + 1) * 1000 != {b}.tonnes_kg end)"
)


def serial_qty_mismatch(ctx: RuleContext) -> Iterator[Flag]:
    """SERIAL_QTY_MISMATCH: a block's serial count differs from its recorded quantity."""
    sql = _COUNT_MISMATCH.format(
        mismatch=_MISMATCH.format(a="d", b="d"), mismatch_r=_MISMATCH.format(a="d", b="r")
    )
    for row in ctx.rows(sql):
        per_kg = row["registry"] == "isometric"
        held = row["serials"] if per_kg else row["serials"] * 1000
        unit = "kg" if per_kg else "t"
        is_delivery = row["tbl"] == "deliveries"
        noun = "delivery" if is_delivery else "retirement"
        subject = (
            delivery_subject(row["serial_block"])
            if is_delivery
            else retirement_subject(row["serial_block"], row["day"])
        )
        yield flag(
            "SERIAL_QTY_MISMATCH", Severity.HIGH, row, subject,
            f"Serial block {row['serial_block']} holds {row['serials']:,} serials "
            f"(1 serial = 1 {unit}, so {t(held)}) but the {noun} "
            f"records {t(row['tonnes_kg'])}.",
            row["tbl"], row["id"], row["serials"], row["tonnes_kg"],
        )  # fmt: skip


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
  from deliveries d where d.delivered_on <= :as_of)
select dup.id, dup.contract_id, c.reference as contract, dup.serial_block, dup.reference,
       dup.delivered_on, dup.tonnes_kg, dup.block_first is not null as same_block,
       f.delivered_on as first_on, fc.reference as first_contract
from dup join contracts c on c.id = dup.contract_id
join deliveries f on f.id = coalesce(dup.block_first, dup.ref_first)
join contracts fc on fc.id = f.contract_id
order by dup.id
"""


def duplicate_delivery(ctx: RuleContext) -> Iterator[Flag]:
    """DUPLICATE_DELIVERY: the same registry reference, or an identical block, twice."""
    for row in ctx.rows(_DUPLICATES):
        if row["same_block"]:
            what = f"the identical serial block {row['serial_block']}"
        else:
            what = f"the same registry reference {row['reference']!r}"
        yield flag(
            "DUPLICATE_DELIVERY", Severity.HIGH, row, delivery_subject(row["serial_block"]),
            f"Delivery of {t(row['tonnes_kg'])} on {row['delivered_on']} repeats {what} "
            f"recorded on {row['first_on']} under contract {row['first_contract']}.",
            "deliveries", row["id"], row["reference"], row["same_block"], row["first_on"],
        )  # fmt: skip


_OVER_RETIRED_DELIVERY = """
select d.id, d.contract_id, c.reference as contract, d.serial_block, d.tonnes_kg,
       s.retired_kg, s.n
from (select delivery_id, sum(tonnes_kg) as retired_kg, count(*) as n from retirements
      where retired_on <= :as_of group by delivery_id) s
join deliveries d on d.id = s.delivery_id
join contracts c on c.id = d.contract_id
where s.retired_kg > d.tonnes_kg
"""
_OUTSIDE_DELIVERY = """
select r.id, r.contract_id, c.reference as contract, r.serial_block, r.retired_on, r.tonnes_kg,
       d.serial_block as delivery_block
from retirements r join deliveries d on d.id = r.delivery_id
join contracts c on c.id = r.contract_id
where r.retired_on <= :as_of and (r.serial_prefix != d.serial_prefix
      or r.serial_start < d.serial_start or r.serial_end > d.serial_end)
"""


def over_retirement(ctx: RuleContext) -> Iterator[Flag]:
    """OVER_RETIREMENT: more retired from a delivery than it holds, or serials outside it."""
    for row in ctx.rows(_OVER_RETIRED_DELIVERY):
        excess = row["retired_kg"] - row["tonnes_kg"]
        yield flag(
            "OVER_RETIREMENT", Severity.CRITICAL, row, delivery_subject(row["serial_block"]),
            f"{t(row['retired_kg'])} retired in {row['n']} retirement(s) from a delivery of "
            f"only {t(row['tonnes_kg'])}: {t(excess)} retired that were never delivered.",
            "deliveries", row["id"], row["retired_kg"], row["tonnes_kg"],
        )  # fmt: skip
    for row in ctx.rows(_OUTSIDE_DELIVERY):
        yield flag(
            "OVER_RETIREMENT", Severity.CRITICAL, row,
            retirement_subject(row["serial_block"], row["retired_on"]),
            f"Retired serial block {row['serial_block']} ({t(row['tonnes_kg'])}) lies outside "
            f"the delivery it is drawn from, {row['delivery_block']}.",
            "retirements", row["id"], row["delivery_block"],
        )  # fmt: skip
