"""Rules about serial numbers: overlaps, counts, duplicates and over-retirement.

Each rule is one set-based query; Python only turns the rows it returns into flags.
"""

from __future__ import annotations

from collections.abc import Iterator

from tracker.domain.flags import Flag, Severity
from tracker.domain.messages import Count, Day, Tonnes, msg
from tracker.services.audit.context import (
    RuleContext,
    delivery_subject,
    flag,
    retirement_subject,
)

# Blocks are ordered per registry and prefix; a block overlaps an earlier one when it
# starts at or before the highest end seen so far.  The window runs over the narrow
# serial columns only: the few overlapping blocks are joined to their rows afterwards.
_DELIVERY_OVERLAP = """
with w as (
  select id, registry, serial_prefix, serial_start from (
    select d.id, d.registry, d.serial_prefix, d.serial_start,
           max(d.serial_end) over (
             partition by d.registry, d.serial_prefix order by d.serial_start, d.id
             rows between unbounded preceding and 1 preceding) as prev_end
    from deliveries d where d.delivered_on <= :as_of)
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


def _shared(row: dict) -> tuple[int, int]:
    return max(row["serial_start"], row["other_start"]), min(row["serial_end"], row["other_end"])


def serial_overlap(ctx: RuleContext) -> Iterator[Flag]:
    """SERIAL_OVERLAP: the same serials delivered twice, or retired twice."""
    for row in ctx.rows(_DELIVERY_OVERLAP):
        low, high = _shared(row)
        yield flag(
            "SERIAL_OVERLAP", Severity.CRITICAL, row, delivery_subject(row["serial_block"]),
            msg("flag.serials_delivered_twice", block=row["serial_block"],
                other=row["other_block"], other_contract=row["other_contract"], low=low,
                high=high, n=Count(high - low + 1)),
            "deliveries", row["id"], row["other_block"], low, high,
        )  # fmt: skip
    for row in ctx.rows(_RETIREMENT_OVERLAP):
        low, high = _shared(row)
        yield flag(
            "SERIAL_OVERLAP", Severity.CRITICAL, row,
            retirement_subject(row["serial_block"], row["retired_on"]),
            msg("flag.serials_retired_twice", block=row["serial_block"],
                other=row["other_block"], other_on=Day(row["other_on"]), low=low, high=high,
                n=Count(high - low + 1)),
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


_COUNT_CODES = {
    (True, False): "flag.serial_count_delivery_t",
    (True, True): "flag.serial_count_delivery_kg",
    (False, False): "flag.serial_count_retirement_t",
    (False, True): "flag.serial_count_retirement_kg",
}


def serial_qty_mismatch(ctx: RuleContext) -> Iterator[Flag]:
    """SERIAL_QTY_MISMATCH: a block's serial count differs from its recorded quantity."""
    sql = _COUNT_MISMATCH.format(
        mismatch=_MISMATCH.format(a="d", b="d"), mismatch_r=_MISMATCH.format(a="d", b="r")
    )
    for row in ctx.rows(sql):
        per_kg = row["registry"] == "isometric"
        held = row["serials"] if per_kg else row["serials"] * 1000
        is_delivery = row["tbl"] == "deliveries"
        code = _COUNT_CODES[is_delivery, per_kg]
        subject = (
            delivery_subject(row["serial_block"])
            if is_delivery
            else retirement_subject(row["serial_block"], row["day"])
        )
        yield flag(
            "SERIAL_QTY_MISMATCH", Severity.HIGH, row, subject,
            msg(code, block=row["serial_block"], n=Count(row["serials"]), held=Tonnes(held),
                tonnes=Tonnes(row["tonnes_kg"])),
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
        facts = {
            "tonnes": Tonnes(row["tonnes_kg"]), "day": Day(row["delivered_on"]),
            "first_on": Day(row["first_on"]), "first_contract": row["first_contract"],
        }  # fmt: skip
        if row["same_block"]:
            finding = msg("flag.duplicate_block", block=row["serial_block"], **facts)
        else:
            finding = msg("flag.duplicate_reference", reference=row["reference"], **facts)
        yield flag(
            "DUPLICATE_DELIVERY", Severity.HIGH, row, delivery_subject(row["serial_block"]),
            finding,
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
            msg("flag.over_retired_delivery", retired=Tonnes(row["retired_kg"]), n=row["n"],
                tonnes=Tonnes(row["tonnes_kg"]), excess=Tonnes(excess)),
            "deliveries", row["id"], row["retired_kg"], row["tonnes_kg"],
        )  # fmt: skip
    for row in ctx.rows(_OUTSIDE_DELIVERY):
        yield flag(
            "OVER_RETIREMENT", Severity.CRITICAL, row,
            retirement_subject(row["serial_block"], row["retired_on"]),
            msg("flag.retired_outside_delivery", block=row["serial_block"],
                tonnes=Tonnes(row["tonnes_kg"]), delivery_block=row["delivery_block"]),
            "retirements", row["id"], row["delivery_block"],
        )  # fmt: skip
