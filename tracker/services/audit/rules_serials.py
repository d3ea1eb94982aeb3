"""Rules about serial numbers: overlaps, counts, duplicates and over-retirement.

Each rule is one set-based query (``tracker.store.rule_inputs_serials``); Python only
turns the rows it returns into flags.
"""

from __future__ import annotations

from collections.abc import Iterator

from tracker.domain.flags import Flag, Severity
from tracker.domain.messages import Count, Day, Message, Tonnes, msg
from tracker.services.audit.context import (
    RuleContext,
    delivery_subject,
    flag,
    retirement_subject,
)
from tracker.store import rule_inputs_serials as serials
from tracker.store.rule_inputs import Row


def _shared(row: Row) -> tuple[int, int]:
    return max(row["serial_start"], row["other_start"]), min(row["serial_end"], row["other_end"])


def serial_overlap(ctx: RuleContext) -> Iterator[Flag]:
    """SERIAL_OVERLAP: the same serials delivered twice, or retired twice."""
    for row in serials.delivery_overlaps(ctx.db, ctx.as_of, ctx.serials):
        low, high = _shared(row)
        yield flag(
            "SERIAL_OVERLAP", Severity.CRITICAL, row, delivery_subject(row["serial_block"]),
            msg("flag.serials_delivered_twice", block=row["serial_block"],
                other=row["other_block"], other_contract=row["other_contract"], low=low,
                high=high, n=Count(high - low + 1)),
            "deliveries", row["id"], row["other_block"], low, high,
        )  # fmt: skip
    for row in serials.retirement_overlaps(ctx.db, ctx.as_of, ctx.serials):
        low, high = _shared(row)
        yield flag(
            "SERIAL_OVERLAP", Severity.CRITICAL, row,
            retirement_subject(row["serial_block"], row["retired_on"]),
            msg("flag.serials_retired_twice", block=row["serial_block"],
                other=row["other_block"], other_on=Day(row["other_on"]), low=low, high=high,
                n=Count(high - low + 1)),
            "retirements", row["id"], row["other_block"], low, high,
        )  # fmt: skip


_COUNT_CODES = {
    (True, False): "flag.serial_count_delivery_t",
    (True, True): "flag.serial_count_delivery_kg",
    (False, False): "flag.serial_count_retirement_t",
    (False, True): "flag.serial_count_retirement_kg",
}


def serial_qty_mismatch(ctx: RuleContext) -> Iterator[Flag]:
    """SERIAL_QTY_MISMATCH: a block's serial count differs from its recorded quantity."""
    for row in serials.serial_count_mismatches(ctx.db, ctx.as_of, ctx.contracts):
        yield _count_mismatch(
            row, "deliveries", row["registry"], delivery_subject(row["serial_block"])
        )
    for row in ctx.retirements_flagged("count_mismatch"):
        subject = retirement_subject(row["serial_block"], row["retired_on"])
        serials_held = row["serial_end"] - row["serial_start"] + 1
        yield _count_mismatch({**row, "serials": serials_held}, "retirements",
                              row["delivery_registry"], subject)  # fmt: skip


def _count_mismatch(row: Row, table: str, registry: str, subject: Message) -> Flag:
    per_kg = registry == "isometric"
    held = row["serials"] if per_kg else row["serials"] * 1000
    code = _COUNT_CODES[table == "deliveries", per_kg]
    return flag(
        "SERIAL_QTY_MISMATCH", Severity.HIGH, row, subject,
        msg(code, block=row["serial_block"], n=Count(row["serials"]), held=Tonnes(held),
            tonnes=Tonnes(row["tonnes_kg"])),
        table, row["id"], row["serials"], row["tonnes_kg"],
    )  # fmt: skip


def duplicate_delivery(ctx: RuleContext) -> Iterator[Flag]:
    """DUPLICATE_DELIVERY: the same registry reference, or an identical block, twice."""
    for row in serials.duplicate_deliveries(ctx.db, ctx.as_of, ctx.serials):
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


def over_retirement(ctx: RuleContext) -> Iterator[Flag]:
    """OVER_RETIREMENT: more retired from a delivery than it holds, or serials outside it."""
    for row in serials.over_retired_deliveries(ctx.db, ctx.as_of, ctx.contracts):
        excess = row["retired_kg"] - row["tonnes_kg"]
        yield flag(
            "OVER_RETIREMENT", Severity.CRITICAL, row, delivery_subject(row["serial_block"]),
            msg("flag.over_retired_delivery", retired=Tonnes(row["retired_kg"]), n=row["n"],
                tonnes=Tonnes(row["tonnes_kg"]), excess=Tonnes(excess)),
            "deliveries", row["id"], row["retired_kg"], row["tonnes_kg"],
        )  # fmt: skip
    for row in ctx.retirements_flagged("outside_delivery"):
        yield flag(
            "OVER_RETIREMENT", Severity.CRITICAL, row,
            retirement_subject(row["serial_block"], row["retired_on"]),
            msg("flag.retired_outside_delivery", block=row["serial_block"],
                tonnes=Tonnes(row["tonnes_kg"]), delivery_block=row["delivery_block"]),
            "retirements", row["id"], row["delivery_block"],
        )  # fmt: skip
