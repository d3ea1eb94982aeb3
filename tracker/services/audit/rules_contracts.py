"""Rules about whole contracts: cumulative shortfall, over-delivery, oversized schedules.

Delivered tonnes are accepted tonnes only (rejected deliveries and invalidated
tonnes left out), as in the portfolio summary.
"""

from __future__ import annotations

from collections.abc import Iterator

from tracker.domain.flags import Flag, Severity
from tracker.domain.messages import Day, Percent, Tonnes, msg
from tracker.services.audit.context import RuleContext, flag
from tracker.services.audit.rules_schedule import BINDING_STATUSES
from tracker.store import rule_inputs


def cumulative_shortfall(ctx: RuleContext) -> Iterator[Flag]:
    """CUMULATIVE_SHORTFALL: due to date − delivered to date is more than X % of the contract."""
    pct = ctx.thresholds.shortfall_pct
    statuses = rule_inputs.contract_statuses(ctx.db)
    for s in ctx.summary():
        gap = s.scheduled_to_date_kg - s.delivered_kg
        binding = statuses.get(s.contract_id) in BINDING_STATUSES
        if not binding or gap * 100 <= pct * s.contracted_kg:
            continue
        row = {"contract_id": s.contract_id, "contract": s.reference}
        finding = msg(
            "flag.cumulative_shortfall", day=Day(ctx.day), due=Tonnes(s.scheduled_to_date_kg),
            delivered=Tonnes(s.delivered_kg), gap=Tonnes(gap),
            pct=Percent(gap, s.contracted_kg), contracted=Tonnes(s.contracted_kg), limit=pct,
        )  # fmt: skip
        yield flag(
            "CUMULATIVE_SHORTFALL", Severity.CRITICAL, row,
            msg("subject.contract", contract=s.reference), finding,
            "contracts", s.contract_id, s.scheduled_to_date_kg, s.delivered_kg, pct,
        )  # fmt: skip


def over_delivery(ctx: RuleContext) -> Iterator[Flag]:
    """OVER_DELIVERY: more delivered than contracted (adjust the contract, with a reason)."""
    for s in ctx.summary():
        if s.delivered_kg <= s.contracted_kg:
            continue
        row = {"contract_id": s.contract_id, "contract": s.reference}
        finding = msg(
            "flag.over_delivery", delivered=Tonnes(s.delivered_kg),
            contracted=Tonnes(s.contracted_kg), excess=Tonnes(s.delivered_kg - s.contracted_kg),
        )  # fmt: skip
        yield flag(
            "OVER_DELIVERY", Severity.INFO, row, msg("subject.contract", contract=s.reference),
            finding,
            "contracts", s.contract_id, s.delivered_kg, s.contracted_kg,
        )  # fmt: skip


def tranches_exceed_contract(ctx: RuleContext) -> Iterator[Flag]:
    """TRANCHES_EXCEED_CONTRACT: the schedule adds up to more than the contract."""
    for row in rule_inputs.schedules_over_contract(ctx.db):
        finding = msg(
            "flag.tranches_exceed_contract", n=row["n"], scheduled=Tonnes(row["kg"]),
            excess=Tonnes(row["kg"] - row["tonnes_kg"]), contracted=Tonnes(row["tonnes_kg"]),
        )  # fmt: skip
        yield flag(
            "TRANCHES_EXCEED_CONTRACT", Severity.HIGH, row,
            msg("subject.contract", contract=row["contract"]), finding,
            "contracts", row["contract_id"], row["kg"], row["tonnes_kg"],
        )  # fmt: skip
