"""Rules about single deliveries: verification, serials still to come, timing.

Verification is read as of the as-of date: the latest verification record dated on
or before it (see ``tracker.store.lifecycle``); the rows come from
``tracker.store.rule_inputs``.
"""

from __future__ import annotations

from collections.abc import Iterator

from tracker.domain.flags import Flag, Severity, Words, worded
from tracker.domain.messages import Day, Tonnes, msg
from tracker.services.audit.context import (
    RuleContext,
    delivery_subject,
    evidence_text,
    flag,
    flag_worded_later,
    subject_of_delivery,
)
from tracker.store import rule_inputs


def _stale_words(
    block: str | None, reference: str, delivered_on: str, tonnes_kg: int, age: int, days: int
) -> Words:
    return worded(
        delivery_subject(block, reference, delivered_on),
        msg("flag.unverified_stale", tonnes=Tonnes(tonnes_kg), day=Day(delivered_on),
            n=age, limit=days),
    )  # fmt: skip


def unverified_stale(ctx: RuleContext) -> Iterator[Flag]:
    """UNVERIFIED_STALE: delivered more than N days ago and still not verified."""
    days = ctx.thresholds.unverified_stale_days
    evidence = evidence_text(days)
    for row in rule_inputs.stale_unverified(ctx.db, ctx.as_of, days, ctx.contracts):
        yield flag_worded_later(
            "UNVERIFIED_STALE", Severity.WARN, (row["contract_id"], row["contract"]),
            ("deliveries", row["id"]), evidence,
            _stale_words, row["serial_block"], row["reference"] or "", row["delivered_on"],
            row["tonnes_kg"], row["age"], days,
        )  # fmt: skip


def _awaiting_words(
    reference: str, delivered_on: str, tonnes_kg: int, age: int, days: int
) -> Words:
    subject = delivery_subject(None, reference, delivered_on)
    if age > days:
        return worded(subject, msg("flag.missing_serial_late", tonnes=Tonnes(tonnes_kg),
                                   day=Day(delivered_on), n=age, limit=days))  # fmt: skip
    return worded(
        subject, msg("flag.missing_serial", tonnes=Tonnes(tonnes_kg), day=Day(delivered_on), n=age)
    )


def missing_serial(ctx: RuleContext) -> Iterator[Flag]:
    """MISSING_SERIAL: a delivery recorded without its serials (warning; high once older
    than the configured number of days)."""
    days = ctx.thresholds.missing_serial_days
    evidence = {late: evidence_text(late) for late in (False, True)}
    for row in rule_inputs.awaiting_serials(ctx.db, ctx.as_of, ctx.contracts):
        late = row["age"] > days
        yield flag_worded_later(
            "MISSING_SERIAL", Severity.HIGH if late else Severity.WARN,
            (row["contract_id"], row["contract"]), ("deliveries", row["id"]), evidence[late],
            _awaiting_words, row["reference"] or "", row["delivered_on"], row["tonnes_kg"],
            row["age"], days,
        )  # fmt: skip


def verified_before_delivered(ctx: RuleContext) -> Iterator[Flag]:
    """VERIFIED_BEFORE_DELIVERED: a verification dated before the delivery it verifies
    (the forms refuse it; ledgers written before that check may hold one)."""
    for row in rule_inputs.verified_before_delivered(ctx.db, ctx.as_of, ctx.contracts):
        yield flag(
            "VERIFIED_BEFORE_DELIVERED", Severity.HIGH, row, subject_of_delivery(row),
            msg("flag.verified_before_delivered", tonnes=Tonnes(row["tonnes_kg"]),
                day=Day(row["delivered_on"]), verified=Day(row["verified_on"]))
            if row["verified_on"] else
            msg("flag.verified_before_delivered_undated", tonnes=Tonnes(row["tonnes_kg"]),
                day=Day(row["delivered_on"])),
            "deliveries", row["id"], row["verified_on"], row["delivered_on"],
        )  # fmt: skip


def delivery_outside_term(ctx: RuleContext) -> Iterator[Flag]:
    """DELIVERY_OUTSIDE_TERM: delivered before the term starts or after it ends."""
    for row in rule_inputs.delivered_outside_term(ctx.db, ctx.as_of, ctx.contracts):
        before = row["delivered_on"] < row["start_on"]
        code = "flag.delivered_before_term" if before else "flag.delivered_after_term"
        yield flag(
            "DELIVERY_OUTSIDE_TERM", Severity.WARN, row, subject_of_delivery(row),
            msg(code, tonnes=Tonnes(row["tonnes_kg"]), day=Day(row["delivered_on"]),
                start=Day(row["start_on"]), end=Day(row["end_on"])),
            "deliveries", row["id"], row["delivered_on"], row["start_on"], row["end_on"],
        )  # fmt: skip
