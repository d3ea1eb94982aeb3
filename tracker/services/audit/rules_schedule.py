"""Rules read against the one allocation of accepted deliveries to tranches
(``tracker.domain.fulfilment``): late tranches, vintages and prices."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.domain.flags import Flag, Severity
from tracker.domain.fulfilment import TrancheFill
from tracker.domain.quantities import (
    format_cents,
    format_price,
    percent_one_decimal,
    value_cents,
)
from tracker.services.audit.context import RuleContext, flag, subject_of_delivery, t
from tracker.store import queries

# Draft and terminated contracts owe no deliveries: schedule rules skip them.
BINDING_STATUSES = frozenset({"signed", "active", "completed"})


def _tranche_subject(fill: TrancheFill) -> str:
    even = " (even schedule)" if fill.tranche.derived else ""
    return f"tranche due {fill.tranche.due_on}{even}"


def _days(count: int) -> str:
    return f"{count:,} day{'' if count == 1 else 's'}"


def late_tranche(ctx: RuleContext) -> Iterator[Flag]:
    """LATE_TRANCHE: a tranche past its due date that its accepted deliveries do not cover."""
    for contract, filled in ctx.fulfilment().values():
        if contract.status.value not in BINDING_STATUSES:
            continue
        row = {"contract_id": contract.id, "contract": contract.reference}
        for fill in filled.fills:
            if fill.tranche.due_on >= ctx.as_of or fill.shortfall_kg <= 0:
                continue
            table, record = (
                ("contracts", contract.id) if fill.tranche.derived
                else ("tranches", fill.tranche.id)
            )  # fmt: skip
            yield flag(
                "LATE_TRANCHE", Severity.WARN, row, _tranche_subject(fill),
                f"Tranche of {t(fill.tranche.tonnes_kg)} due {fill.tranche.due_on} is late: "
                f"{t(fill.shortfall_kg)} of it still undelivered ({t(fill.delivered_kg)} of "
                f"accepted deliveries allocated to it, {_days(fill.late_days(ctx.as_of))} late).",
                table, record, fill.delivered_kg, fill.shortfall_kg,
            )  # fmt: skip


def vintage_mismatch(ctx: RuleContext) -> Iterator[Flag]:
    """VINTAGE_MISMATCH: a delivery whose vintage differs from the tranche it fills."""
    for contract, filled in ctx.fulfilment().values():
        if not any(f.tranche.vintage is not None and not f.tranche.derived for f in filled.fills):
            continue
        mismatched: dict[int, list[int]] = {}
        for fill in filled.fills:
            wanted = fill.tranche.vintage
            if wanted is None or fill.tranche.derived:
                continue
            for delivered, _kg in fill.parts:
                if delivered.vintage is not None and delivered.vintage != wanted:
                    mismatched.setdefault(delivered.delivery_id, []).append(wanted)
        for delivery_id, wanted in sorted(mismatched.items()):
            d = next(queries.rows(ctx.db, _DELIVERY, [delivery_id]))
            d["contract"] = contract.reference
            vintages = ", ".join(str(v) for v in sorted(set(wanted)))
            yield flag(
                "VINTAGE_MISMATCH", Severity.WARN, d, subject_of_delivery(d),
                f"{t(d['tonnes_kg'])} delivered of vintage {d['vintage']} fills a tranche "
                f"that calls for vintage {vintages}.",
                "deliveries", delivery_id, d["vintage"], vintages,
            )  # fmt: skip


_DELIVERY = (
    "select id, contract_id, serial_block, reference, delivered_on, tonnes_kg, vintage "
    "from deliveries where id = ?"
)


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
            pct = percent_one_decimal(abs(price - base), base) or "∞"
            cur = contract.currency
            kg = fill.delivered_kg
            worth = (
                f" {t(kg)} delivered against it is valued at "
                f"{format_cents(value_cents(kg, price), grouped=True)} {cur} instead of "
                f"{format_cents(value_cents(kg, base), grouped=True)} {cur}."
                if kg
                else " Nothing has been delivered against it yet."
            )
            yield flag(
                "PRICE_ANOMALY", Severity.WARN, row, _tranche_subject(fill),
                f"Tranche due {fill.tranche.due_on} is priced {format_price(price)} {cur}/t, "
                f"{pct} % off the contract price of {format_price(base)} {cur}/t "
                f"(tolerance {tolerance} %).{worth}",
                "tranches", fill.tranche.id, price, base, tolerance, kg,
            )  # fmt: skip
