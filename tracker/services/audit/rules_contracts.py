"""Rules about contracts, schedules and deliveries: timing, shortfall, vintage and price."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.domain.flags import Flag, Severity
from tracker.domain.quantities import format_price, percent_one_decimal
from tracker.domain.schedule import even_schedule
from tracker.services.audit.context import RuleContext, delivery_subject, flag, t
from tracker.services.summary import portfolio_summary
from tracker.store.rows import contract_from_row

# Draft and terminated contracts owe no deliveries: schedule rules skip them.
_BINDING = "c.status not in ('draft', 'terminated')"
_BINDING_STATUSES = frozenset({"signed", "active", "completed"})


def unverified_stale(ctx: RuleContext) -> Iterator[Flag]:
    """UNVERIFIED_STALE: delivered more than N days ago and still not verified."""
    days = ctx.thresholds.unverified_stale_days
    sql = """
    select d.id, d.contract_id, c.reference as contract, d.serial_block, d.tonnes_kg,
           d.delivered_on, cast(julianday(:as_of) - julianday(d.delivered_on) as integer) as age
    from deliveries d join contracts c on c.id = d.contract_id
    where d.delivered_on < date(:as_of, :back)
      and (d.verification_status = 'pending'
           or (d.verification_status = 'verified' and d.verified_on > :as_of))
    order by d.id
    """
    for row in ctx.rows(sql, {"back": f"-{days} days"}):
        yield flag(
            "UNVERIFIED_STALE", Severity.WARN, row, delivery_subject(row["serial_block"]),
            f"{t(row['tonnes_kg'])} delivered on {row['delivered_on']} is still unverified "
            f"after {row['age']} days (limit {days} days).",
            "deliveries", row["id"], days,
        )  # fmt: skip


_LATE_EXPLICIT = f"""
with delivered as (
  select contract_id, sum(tonnes_kg) as kg from deliveries
  where delivered_on <= :as_of group by contract_id),
s as (
  select t.*, sum(t.tonnes_kg) over (
    partition by t.contract_id order by t.due_on, t.id rows unbounded preceding) as cum
  from tranches t)
select s.id, s.contract_id, c.reference as contract, s.due_on, s.tonnes_kg, s.cum,
       coalesce(d.kg, 0) as delivered
from s join contracts c on c.id = s.contract_id
left join delivered d on d.contract_id = s.contract_id
where s.due_on < :as_of and s.cum > coalesce(d.kg, 0) and {_BINDING}
order by s.contract_id, s.due_on, s.id
"""
_UNSCHEDULED = f"""
select c.*, coalesce((select sum(tonnes_kg) from deliveries
                      where contract_id = c.id and delivered_on <= :as_of), 0) as delivered
from contracts c
where not exists (select 1 from tranches t where t.contract_id = c.id) and {_BINDING}
  and c.start_on < :as_of
"""


def _late_message(row: dict, missing: int) -> str:
    return (
        f"Tranche of {t(row['tonnes_kg'])} due {row['due_on']} is late: {t(missing)} of it "
        f"still undelivered ({t(row['delivered'])} delivered against "
        f"{t(row['cum'])} due by then)."
    )


def late_tranche(ctx: RuleContext) -> Iterator[Flag]:
    """LATE_TRANCHE: a tranche past its due date not covered by deliveries (in due order)."""
    for row in ctx.rows(_LATE_EXPLICIT):
        missing = min(row["tonnes_kg"], row["cum"] - row["delivered"])
        yield flag(
            "LATE_TRANCHE", Severity.WARN, row, f"tranche due {row['due_on']}",
            _late_message(row, missing), "tranches", row["id"], row["delivered"], missing,
        )  # fmt: skip
    for contract_row in ctx.rows(_UNSCHEDULED):
        contract = contract_from_row(contract_row)
        cum = 0
        for tranche in even_schedule(contract):
            cum += tranche.tonnes_kg
            if tranche.due_on >= ctx.as_of or cum <= contract_row["delivered"]:
                continue
            row = {
                "contract_id": contract.id,
                "contract": contract.reference,
                "due_on": tranche.due_on.isoformat(),
                "tonnes_kg": tranche.tonnes_kg,
                "cum": cum,
                "delivered": contract_row["delivered"],
            }
            missing = min(tranche.tonnes_kg, cum - contract_row["delivered"])
            yield flag(
                "LATE_TRANCHE", Severity.WARN, row, f"tranche due {row['due_on']} (even schedule)",
                _late_message(row, missing), "contracts", contract.id, row["delivered"], missing,
            )  # fmt: skip


def cumulative_shortfall(ctx: RuleContext) -> Iterator[Flag]:
    """CUMULATIVE_SHORTFALL: due to date − delivered to date is more than X % of the contract."""
    pct = ctx.thresholds.shortfall_pct
    statuses = dict(ctx.db.execute("select id, status from contracts").fetchall())
    for s in portfolio_summary(ctx.db, ctx.as_of):
        gap = s.scheduled_to_date_kg - s.delivered_kg
        binding = statuses.get(s.contract_id) in _BINDING_STATUSES
        if not binding or gap * 100 <= pct * s.contracted_kg:
            continue
        row = {"contract_id": s.contract_id, "contract": s.reference}
        yield flag(
            "CUMULATIVE_SHORTFALL", Severity.CRITICAL, row, f"contract {s.reference}",
            f"By {ctx.day}, {t(s.scheduled_to_date_kg)} was due but only {t(s.delivered_kg)} "
            f"delivered: a shortfall of {t(gap)}, {percent_one_decimal(gap, s.contracted_kg)} % "
            f"of the {t(s.contracted_kg)} contract (limit {pct} %).",
            "contracts", s.contract_id, s.scheduled_to_date_kg, s.delivered_kg, pct,
        )  # fmt: skip


def over_delivery(ctx: RuleContext) -> Iterator[Flag]:
    """OVER_DELIVERY: more delivered than contracted (adjust the contract, with a reason)."""
    for s in portfolio_summary(ctx.db, ctx.as_of):
        if s.delivered_kg <= s.contracted_kg:
            continue
        row = {"contract_id": s.contract_id, "contract": s.reference}
        yield flag(
            "OVER_DELIVERY", Severity.INFO, row, f"contract {s.reference}",
            f"{t(s.delivered_kg)} delivered against a contract for {t(s.contracted_kg)}: "
            f"{t(s.delivered_kg - s.contracted_kg)} more than contracted.",
            "contracts", s.contract_id, s.delivered_kg, s.contracted_kg,
        )  # fmt: skip


def delivery_outside_term(ctx: RuleContext) -> Iterator[Flag]:
    """DELIVERY_OUTSIDE_TERM: delivered before the term starts or after it ends."""
    sql = """
    select d.id, d.contract_id, c.reference as contract, d.serial_block, d.tonnes_kg,
           d.delivered_on, c.start_on, c.end_on
    from deliveries d join contracts c on c.id = d.contract_id
    where d.delivered_on <= :as_of and (d.delivered_on < c.start_on or d.delivered_on > c.end_on)
    order by d.id
    """
    for row in ctx.rows(sql):
        side = "before" if row["delivered_on"] < row["start_on"] else "after"
        yield flag(
            "DELIVERY_OUTSIDE_TERM", Severity.WARN, row, delivery_subject(row["serial_block"]),
            f"{t(row['tonnes_kg'])} delivered on {row['delivered_on']}, {side} the contract "
            f"term {row['start_on']} to {row['end_on']}.",
            "deliveries", row["id"], row["delivered_on"], row["start_on"], row["end_on"],
        )  # fmt: skip


def vintage_mismatch(ctx: RuleContext) -> Iterator[Flag]:
    """VINTAGE_MISMATCH: a delivered vintage that no tranche of the contract schedules."""
    sql = """
    with vintages as (
      select contract_id, group_concat(vintage, ', ') as scheduled from (
        select distinct contract_id, vintage from tranches where vintage is not null
        order by contract_id, vintage)
      group by contract_id)
    select d.id, d.contract_id, c.reference as contract, d.serial_block, d.tonnes_kg,
           d.vintage, v.scheduled
    from deliveries d join vintages v on v.contract_id = d.contract_id
    join contracts c on c.id = d.contract_id
    where d.delivered_on <= :as_of and d.vintage is not null
      and not exists (select 1 from tranches t
                      where t.contract_id = d.contract_id and t.vintage = d.vintage)
    order by d.id
    """
    for row in ctx.rows(sql):
        yield flag(
            "VINTAGE_MISMATCH", Severity.WARN, row, delivery_subject(row["serial_block"]),
            f"{t(row['tonnes_kg'])} delivered of vintage {row['vintage']}, but the schedule "
            f"calls for vintage {row['scheduled']}.",
            "deliveries", row["id"], row["vintage"], row["scheduled"],
        )  # fmt: skip


def price_anomaly(ctx: RuleContext) -> Iterator[Flag]:
    """PRICE_ANOMALY: a tranche priced more than X % away from the contract price."""
    tolerance = ctx.thresholds.price_tolerance_pct
    sql = """
    select t.id, t.contract_id, c.reference as contract, t.due_on, t.price,
           c.price as contract_price, c.currency
    from tranches t join contracts c on c.id = t.contract_id
    where t.price is not null and abs(t.price - c.price) * 100 > :tolerance * c.price
    order by t.contract_id, t.due_on, t.id
    """
    for row in ctx.rows(sql, {"tolerance": tolerance}):
        off = abs(row["price"] - row["contract_price"])
        pct = percent_one_decimal(off, row["contract_price"]) or "∞"
        cur = row["currency"]
        yield flag(
            "PRICE_ANOMALY", Severity.WARN, row, f"tranche due {row['due_on']}",
            f"Tranche due {row['due_on']} is priced {format_price(row['price'])} {cur}/t, "
            f"{pct} % off the contract price of {format_price(row['contract_price'])} {cur}/t "
            f"(tolerance {tolerance} %).",
            "tranches", row["id"], row["price"], row["contract_price"], tolerance,
        )  # fmt: skip


def tranches_exceed_contract(ctx: RuleContext) -> Iterator[Flag]:
    """TRANCHES_EXCEED_CONTRACT: the schedule adds up to more than the contract."""
    sql = """
    select c.id as contract_id, c.reference as contract, c.tonnes_kg, s.kg, s.n
    from (select contract_id, sum(tonnes_kg) as kg, count(*) as n from tranches
          group by contract_id) s
    join contracts c on c.id = s.contract_id
    where s.kg > c.tonnes_kg
    order by c.reference
    """
    for row in ctx.rows(sql):
        yield flag(
            "TRANCHES_EXCEED_CONTRACT", Severity.HIGH, row, f"contract {row['contract']}",
            f"The {row['n']} tranches schedule {t(row['kg'])}, {t(row['kg'] - row['tonnes_kg'])} "
            f"more than the {t(row['tonnes_kg'])} contracted.",
            "contracts", row["contract_id"], row["kg"], row["tonnes_kg"],
        )  # fmt: skip
