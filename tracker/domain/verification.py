"""Verification records: who checked a delivery, when, with what outcome and evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from tracker.domain.dates import parse_date
from tracker.domain.errors import ValidationError
from tracker.domain.messages import Tonnes, msg
from tracker.domain.quantities import parse_tonnes
from tracker.domain.text import parse_text
from tracker.domain.vocab import VerificationStatus, parse_choice


@dataclass(frozen=True, slots=True)
class Verification:
    delivery_id: int
    verifier: str
    verified_on: dt.date
    outcome: VerificationStatus
    verified_kg: int | None
    evidence: str = ""
    note: str = ""
    id: int | None = None


def verification_from_input(
    data: Mapping[str, object], delivery_id: int, delivery_kg: int
) -> Verification:
    """Validate one verification record (keys as in the verifications CSV)."""
    outcome = parse_choice(VerificationStatus, "outcome", data.get("outcome") or "")
    verified_on = parse_date(data.get("verified_on"), "verified_on")
    assert verified_on is not None
    verifier = parse_text(data, "verifier", limit=200)
    if outcome is not VerificationStatus.PENDING and not verifier:
        raise ValidationError("verifier", None, msg("error.required_for_outcome", outcome=outcome))
    tonnes_text = str(data.get("verified_tonnes") or "").strip()
    verified_kg = parse_tonnes(tonnes_text, "verified_tonnes") if tonnes_text else None
    if outcome is VerificationStatus.VERIFIED and verified_kg is None:
        raise ValidationError(
            "verified_tonnes", None, msg("error.required_for_outcome", outcome=outcome)
        )
    if verified_kg is not None and verified_kg > delivery_kg:
        raise ValidationError(
            "verified_tonnes",
            tonnes_text,
            msg("error.more_than_delivered", tonnes=Tonnes(delivery_kg)),
        )
    return Verification(
        delivery_id=delivery_id,
        verifier=verifier,
        verified_on=verified_on,
        outcome=outcome,
        verified_kg=verified_kg,
        evidence=parse_text(data, "evidence", limit=1000),
        note=parse_text(data, "note", limit=4000),
    )
