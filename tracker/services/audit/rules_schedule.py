"""Rules read against the one allocation of accepted deliveries to tranches
(``tracker.domain.fulfilment``): late tranches, vintages and prices."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.domain.flags import Flag, Severity, Words, worded
from tracker.domain.fulfilment import TrancheFill
from tracker.domain.messages import Count, Day, Message, Money, Percent, Price, Tonnes, msg
from tracker.domain.quantities import value_cents
from tracker.services.audit.context import (
    RuleContext,
    delivery_subject,
    evidence_text,
    flag,
    flag_worded_later,
)
from tracker.store import rule_inputs

# Draft and terminated contracts owe no deliveries: schedule rules skip them.
BINDING_STATUSES = frozenset({"signed", "active", "completed"})


def _tranche_subject(fill: TrancheFill) -> Message:
    code = "subject.tranche_even" if fill.tranche.derived else "subject.tranche"
    return msg(code, due=Day(fill.tranche.due_on.isoformat()))


def _tranche_record(contract_id: int | None, fill: TrancheFill) -> tuple[str, int | None, str]:
    """Table, id and part of a tranche's identity: a tranche of the even schedule is
    not stored, so it is its contract's, told apart by its due date."""
    if fill.tranche.derived:
        return "contracts", contract_id, fill.tranche.due_on.isoformat()
    return "tranches", fill.tranche.id, ""


def late_tranche(ctx: RuleContext) -> Iterator[Flag]:
    """LATE_TRANCHE: a tranche past its due date that its accepted deliveries do not cover."""
    for contract, filled in ctx.fulfilment().values():
        if contract.status.value not in BINDING_STATUSES:
            continue
        row = {"contract_id": contract.id, "contract": contract.reference}
        for fill in filled.fills:
            if fill.tranche.due_on >= ctx.as_of or fill.shortfall_kg <= 0:
                continue
            table, record, part = _tranche_record(contract.id, fill)
            finding = msg(
                "flag.late_tranche", tonnes=Tonnes(fill.tranche.tonnes_kg),
                due=Day(fill.tranche.due_on.isoformat()), shortfall=Tonnes(fill.shortfall_kg),
                delivered=Tonnes(fill.delivered_kg), n=Count(fill.late_days(ctx.as_of)),
            )  # fmt: skip
            yield flag(
                "LATE_TRANCHE", Severity.WARN, row, _tranche_subject(fill), finding,
                table, record, fill.delivered_kg, fill.shortfall_kg, part=part,
            )  # fmt: skip


def _vintage_words(
    block: str | None, reference: str, delivered_on: str, tonnes_kg: int,
    vintage: int | None, wanted: str,
) -> Words:  # fmt: skip
    return worded(
        delivery_subject(block, reference, delivered_on),
        msg("flag.vintage_mismatch", tonnes=Tonnes(tonnes_kg), vintage=vintage, wanted=wanted),
    )


def vintage_mismatch(ctx: RuleContext) -> Iterator[Flag]:
    """VINTAGE_MISMATCH: a delivery whose vintage differs from the tranche it fills."""
    found = ctx.vintage_mismatches()
    facts = rule_inputs.deliveries_facts(ctx.db, (delivery_id for _, delivery_id, _ in found))
    texts: dict[tuple[int, ...], str] = {}  # a few lists of vintages, each worded once
    evidences: dict[tuple[int | None, str], str] = {}  # and each vintage beside them
    for contract, delivery_id, wanted in found:
        _id, contract_id, block, reference, delivered_on, tonnes_kg, vintage = facts[delivery_id]
        key = tuple(wanted)
        vintages = texts.get(key)
        if vintages is None:
            vintages = texts[key] = ", ".join(str(v) for v in sorted(set(wanted)))
        evidence = evidences.get((vintage, vintages))
        if evidence is None:
            evidence = evidences[vintage, vintages] = evidence_text(vintage, vintages)
        yield flag_worded_later(
            "VINTAGE_MISMATCH", Severity.WARN, (contract_id, contract),
            ("deliveries", delivery_id), evidence,
            _vintage_words, block, reference or "", delivered_on, tonnes_kg, vintage, vintages,
        )  # fmt: skip


def price_anomaly(ctx: RuleContext) -> Iterator[Flag]:
    """PRICE_ANOMALY: a tranche priced more than X % away from the contract price; the
    message says what the deliveries allocated to it are worth at each price."""
    tolerance = ctx.thresholds.price_tolerance_pct
    for contract, filled in ctx.fulfilment().values():
        base = contract.price
        row = {"contract_id": contract.id, "contract": contract.reference}
        for fill in filled.fills:
            price = fill.tranche.price
            if price is None or abs(price - base) * 100 <= tolerance * base:
                continue
            cur = contract.currency
            kg = fill.delivered_kg
            facts: dict[str, object] = {
                "due": Day(fill.tranche.due_on.isoformat()), "price": Price(price),
                "currency": cur, "pct": Percent(abs(price - base), base), "base": Price(base),
                "tolerance": tolerance,
            }  # fmt: skip
            if kg:
                finding = msg(
                    "flag.price_anomaly_valued", **facts, tonnes=Tonnes(kg),
                    value=Money(value_cents(kg, price), cur),
                    base_value=Money(value_cents(kg, base), cur),
                )  # fmt: skip
            else:
                finding = msg("flag.price_anomaly_undelivered", **facts)
            table, record, part = _tranche_record(contract.id, fill)
            yield flag(
                "PRICE_ANOMALY", Severity.WARN, row, _tranche_subject(fill), finding,
                table, record, price, base, tolerance, kg, part=part,
            )  # fmt: skip
