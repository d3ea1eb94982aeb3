"""Rules about retirements: verification, timing, vintage age, claims and beneficiaries."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.domain.flags import Flag, Severity
from tracker.domain.messages import Day, Message, Tonnes, msg
from tracker.services.audit.context import RuleContext, flag, retirement_subject
from tracker.services.restatement import invalidated_retirements
from tracker.store import rule_inputs
from tracker.store.rule_inputs import Row


def _subject(row: Row) -> Message:
    return retirement_subject(row["serial_block"], row["retired_on"], row["tonnes_kg"])


def _retired_from(code: str, row: Row, **params: object) -> Message:
    """A finding about tonnes retired on a day from a delivery (the first three facts)."""
    return msg(
        code, tonnes=Tonnes(row["tonnes_kg"]), day=Day(row["retired_on"]),
        block=row["delivery_block"], **params,
    )  # fmt: skip


def retired_unverified(ctx: RuleContext) -> Iterator[Flag]:
    """RETIRED_UNVERIFIED: retired from a delivery not verified on the retirement date
    (verification as of the as-of date)."""
    for row in ctx.retirements_flagged("unverified"):
        if row["status"] == "pending":
            finding = _retired_from("flag.retired_pending", row, as_of=Day(ctx.day))
        else:
            finding = _retired_from(
                "flag.retired_verified_later", row, verified_on=Day(row["status_on"])
            )
        yield flag(
            "RETIRED_UNVERIFIED", Severity.CRITICAL, row, _subject(row), finding,
            "retirements", row["id"], row["status"], row["status_on"],
        )  # fmt: skip


def retired_from_failed(ctx: RuleContext) -> Iterator[Flag]:
    """RETIRED_FROM_FAILED: retired from a delivery whose verification failed by the
    as-of date.  The retirement stays (history is not rewritten); its claim needs
    restating."""
    for row in ctx.retirements_flagged("failed"):
        by, when = row["verifier"], row["status_on"]
        if by and when:
            finding = _retired_from(
                "flag.retired_from_failed_by_on", row, verifier=by, failed_on=Day(when)
            )
        elif by:
            finding = _retired_from("flag.retired_from_failed_by", row, verifier=by)
        elif when:
            finding = _retired_from("flag.retired_from_failed_on", row, failed_on=Day(when))
        else:
            finding = _retired_from("flag.retired_from_failed", row)
        yield flag(
            "RETIRED_FROM_FAILED", Severity.CRITICAL, row, _subject(row), finding,
            "retirements", row["id"], row["verifier"], row["status_on"],
        )  # fmt: skip


def retired_invalidated(ctx: RuleContext) -> Iterator[Flag]:
    """RETIRED_INVALIDATED: retired credits the registry later cancelled or drew into a
    buffer; the claim they support needs restating."""
    failed = {row["id"] for row in ctx.retirements_flagged("failed")}  # RETIRED_FROM_FAILED's
    affected = {
        rid: a for rid, a in invalidated_retirements(ctx.db, ctx.as_of, ctx.contracts).items()
        if rid not in failed
    }  # fmt: skip
    if not affected:
        return
    for row in rule_inputs.retirements_with_delivery(ctx.db, ctx.as_of, affected):
        hit = affected[row["id"]]
        yield flag(
            "RETIRED_INVALIDATED", Severity.CRITICAL, row, _subject(row),
            _retired_from(
                "flag.retired_invalidated", row, invalidated=Tonnes(hit.kg),
                since=Day(hit.since),
            ),
            "retirements", row["id"], hit.kg, hit.since,
        )  # fmt: skip


def retired_before_delivered(ctx: RuleContext) -> Iterator[Flag]:
    """RETIRED_BEFORE_DELIVERED: the retirement date precedes the delivery date."""
    for row in ctx.retirements_flagged("before_delivered"):
        yield flag(
            "RETIRED_BEFORE_DELIVERED", Severity.HIGH, row, _subject(row),
            _retired_from(
                "flag.retired_before_delivered", row, delivered_on=Day(row["delivered_on"])
            ),
            "retirements", row["id"], row["delivered_on"],
        )  # fmt: skip


def vintage_age(ctx: RuleContext) -> Iterator[Flag]:
    """VINTAGE_AGE: claim year − vintage is more than the allowed age."""
    limit = ctx.thresholds.vintage_age_years
    for row in ctx.retirements_flagged("too_old"):
        claim_year = int((row["claim_end"] or row["claim_start"] or row["retired_on"])[:4])
        age = claim_year - row["vintage"]
        yield flag(
            "VINTAGE_AGE", Severity.WARN, row, _subject(row),
            msg("flag.vintage_age", tonnes=Tonnes(row["tonnes_kg"]), vintage=row["vintage"],
                claim_year=claim_year, age=age, limit=limit),
            "retirements", row["id"], row["vintage"], claim_year, limit,
        )  # fmt: skip


def late_retirement_for_claim(ctx: RuleContext) -> Iterator[Flag]:
    """LATE_RETIREMENT_FOR_CLAIM: retired more than N months after the claim period ended."""
    months = ctx.thresholds.claim_lag_months
    for row in ctx.retirements_flagged("late_for_claim"):
        yield flag(
            "LATE_RETIREMENT_FOR_CLAIM", Severity.WARN, row, _subject(row),
            msg("flag.late_retirement_for_claim", tonnes=Tonnes(row["tonnes_kg"]),
                day=Day(row["retired_on"]), claim_end=Day(row["claim_end"]), months=months),
            "retirements", row["id"], row["claim_end"], months,
        )  # fmt: skip


def missing_beneficiary(ctx: RuleContext) -> Iterator[Flag]:
    """MISSING_BENEFICIARY: a retirement that names no beneficiary."""
    for row in ctx.retirements_flagged("no_beneficiary"):
        yield flag(
            "MISSING_BENEFICIARY", Severity.WARN, row, _subject(row),
            msg("flag.missing_beneficiary", tonnes=Tonnes(row["tonnes_kg"]),
                day=Day(row["retired_on"])),
            "retirements", row["id"],
        )  # fmt: skip
