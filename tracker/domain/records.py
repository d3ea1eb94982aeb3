"""The ledger's records and how raw input (CSV cells, form fields) becomes one.

Each ``*_from_input`` function takes a mapping keyed by the tracker CSV column
names, validates every field and returns a typed record, or raises a
``ValidationError`` naming the first bad field.  Cross-record rules (does the
contract exist, is the block free) belong to the services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from tracker.domain.dates import parse_date, parse_whole, parse_year
from tracker.domain.errors import ValidationError
from tracker.domain.identity import parse_project_ids, parse_uid
from tracker.domain.messages import Count, Day, msg
from tracker.domain.quantities import parse_price, parse_tonnes
from tracker.domain.serials import SerialBlock, Serials, parse_serial_block, parse_serials
from tracker.domain.text import parse_text
from tracker.domain.vocab import (
    BATCH_REGISTRIES,
    KILOGRAM_SERIAL_REGISTRIES,
    ContractStatus,
    CreditType,
    InvalidationReason,
    Method,
    Purpose,
    Registry,
    VerificationStatus,
    parse_choice,
    parse_currency,
)


@dataclass(frozen=True, slots=True)
class Contract:
    reference: str
    buyer: str
    supplier: str
    project: str
    method: Method
    credit_type: CreditType
    registry: Registry
    tonnes_kg: int
    price: int  # per tonne, in 1/10,000 currency units
    currency: str
    signed_on: dt.date | None
    start_on: dt.date
    end_on: dt.date
    durability_years: int | None
    status: ContractStatus
    notes: str = ""
    id: int | None = None
    registry_project_ids: tuple[str, ...] = ()  # as the registry writes them (identity.py)
    uid: str | None = None  # the global id (a UUID); None until stored, or when not given


def contract_from_input(data: Mapping[str, object]) -> Contract:
    start_on = parse_date(data.get("start_on"), "start_on")
    end_on = parse_date(data.get("end_on"), "end_on")
    assert start_on is not None
    assert end_on is not None
    if end_on < start_on:
        raise ValidationError(
            "end_on", end_on.isoformat(), msg("error.end_before_start", start=Day(str(start_on)))
        )
    signed_on = parse_date(data.get("signed_on"), "signed_on", required=False)
    if signed_on and signed_on > end_on:
        raise ValidationError(
            "signed_on", signed_on.isoformat(), msg("error.signed_after_end", end=Day(str(end_on)))
        )
    return Contract(
        reference=parse_text(data, "reference", required=True, limit=80),
        buyer=parse_text(data, "buyer", required=True),
        supplier=parse_text(data, "supplier", required=True),
        project=parse_text(data, "project"),
        method=parse_choice(Method, "method", data.get("method")),
        credit_type=parse_choice(CreditType, "credit_type", data.get("credit_type")),
        registry=parse_choice(Registry, "registry", data.get("registry")),
        tonnes_kg=parse_tonnes(data.get("tonnes"), "tonnes"),
        price=parse_price(data.get("price_per_tonne"), "price_per_tonne"),
        currency=parse_currency(data.get("currency")),
        signed_on=signed_on,
        start_on=start_on,
        end_on=end_on,
        durability_years=parse_whole(data.get("durability_years"), "durability_years"),
        status=parse_choice(ContractStatus, "status", data.get("status") or "draft"),
        notes=parse_text(data, "notes", limit=4000),
        registry_project_ids=parse_project_ids(data.get("registry_project_ids")),
        uid=parse_uid(data.get("uid")),
    )


@dataclass(frozen=True, slots=True)
class Tranche:
    contract_id: int
    due_on: dt.date
    tonnes_kg: int
    vintage: int | None = None
    price: int | None = None
    id: int | None = None
    derived: bool = False  # True for the even schedule of a contract without tranches
    uid: str | None = None


def tranche_from_input(data: Mapping[str, object], contract_id: int) -> Tranche:
    due_on = parse_date(data.get("due_on"), "due_on")
    assert due_on
    price_text = str(data.get("price_per_tonne") or "").strip()
    return Tranche(
        contract_id=contract_id,
        due_on=due_on,
        tonnes_kg=parse_tonnes(data.get("tonnes"), "tonnes"),
        vintage=parse_year(data.get("vintage"), "vintage"),
        price=parse_price(price_text, "price_per_tonne") if price_text else None,
        uid=parse_uid(data.get("uid")),
    )


@dataclass(frozen=True, slots=True)
class Delivery:
    contract_id: int
    delivered_on: dt.date
    tonnes_kg: int
    vintage: int | None
    registry: Registry
    block: Serials | None  # None while the serials are still to come
    verification_status: VerificationStatus
    verifier: str
    verified_on: dt.date | None
    reference: str
    id: int | None = None
    tranche_due_on: dt.date | None = None  # the tranche it fills, when the supplier names one
    uid: str | None = None

    @property
    def rejected(self) -> bool:
        """Its verification failed: it counts as neither delivered nor available."""
        return self.verification_status is VerificationStatus.FAILED


def serial_count(registry: Registry, tonnes_kg: int) -> int | None:
    """How many serial numbers ``tonnes_kg`` takes in ``registry`` (None if not whole)."""
    if registry in KILOGRAM_SERIAL_REGISTRIES:
        return tonnes_kg
    whole, rest = divmod(tonnes_kg, 1000)
    return None if rest else whole


def check_block_matches_tonnes(
    registry: Registry, block: SerialBlock, tonnes_kg: int, tonnes_text: object
) -> None:
    count = serial_count(registry, tonnes_kg)
    if count is None:
        raise ValidationError(
            "tonnes", tonnes_text, msg("error.whole_tonnes", registry=registry.value)
        )
    if block.size != count:
        code = (
            "error.serials_not_kilograms"
            if registry in KILOGRAM_SERIAL_REGISTRIES
            else "error.serials_not_tonnes"
        )
        reason = msg(code, n=Count(block.size), count=Count(block.size), tonnes=str(tonnes_text))
        raise ValidationError("serial_block", block.text, reason)


def delivery_from_input(
    data: Mapping[str, object], contract_id: int, default_registry: Registry
) -> Delivery:
    delivered_on = parse_date(data.get("delivered_on"), "delivered_on")
    assert delivered_on
    tonnes_kg = parse_tonnes(data.get("tonnes"), "tonnes")
    registry_text = str(data.get("registry") or "").strip()
    registry = (
        parse_choice(Registry, "registry", registry_text) if registry_text else default_registry
    )
    block = parse_serials(
        data.get("serial_block"), batches=registry in BATCH_REGISTRIES, registry=registry.value
    )
    if isinstance(block, SerialBlock):
        check_block_matches_tonnes(registry, block, tonnes_kg, data.get("tonnes"))
    status = parse_choice(
        VerificationStatus, "verification_status", data.get("verification_status") or "pending"
    )
    verified_on = parse_date(data.get("verified_on"), "verified_on", required=False)
    if verified_on and status is VerificationStatus.PENDING:
        raise ValidationError(
            "verified_on", verified_on.isoformat(), msg("error.verified_but_pending")
        )
    check_verified_after_delivery(verified_on, delivered_on)
    return Delivery(
        contract_id=contract_id,
        delivered_on=delivered_on,
        tonnes_kg=tonnes_kg,
        vintage=parse_year(data.get("vintage"), "vintage"),
        registry=registry,
        block=block,
        verification_status=status,
        verifier=parse_text(data, "verifier"),
        verified_on=verified_on,
        reference=parse_text(data, "reference", limit=120),
        tranche_due_on=parse_date(data.get("tranche_due_on"), "tranche_due_on", required=False),
        uid=parse_uid(data.get("uid")),
    )


def check_verified_after_delivery(
    verified_on: dt.date | None, delivered_on: dt.date, field: str = "verified_on"
) -> None:
    """A verification cannot predate the delivery it verifies."""
    if verified_on is not None and verified_on < delivered_on:
        raise ValidationError(
            field, verified_on.isoformat(), msg("error.before_delivery", day=Day(str(delivered_on)))
        )


@dataclass(frozen=True, slots=True)
class RetirementRequest:
    """What a user asks to retire; the service turns it into one or more Retirements."""

    contract_id: int
    retired_on: dt.date
    tonnes_kg: int
    block: Serials | None  # None: draw oldest vintage first
    beneficiary: str
    purpose: Purpose
    claim_start: dt.date | None
    claim_end: dt.date | None
    registry_reference: str
    verified_only: bool = False  # draw only credits verified by the retirement date
    uid: str | None = None  # the global id of its (first) retirement, when the input names one


@dataclass(frozen=True, slots=True)
class Retirement:
    contract_id: int
    delivery_id: int
    retired_on: dt.date
    tonnes_kg: int
    block: Serials | None  # None while its delivery's serials are still to come
    beneficiary: str
    purpose: Purpose
    claim_start: dt.date | None
    claim_end: dt.date | None
    registry_reference: str
    id: int | None = None
    uid: str | None = None


def retirement_from_input(data: Mapping[str, object], contract_id: int) -> RetirementRequest:
    retired_on = parse_date(data.get("retired_on"), "retired_on")
    assert retired_on
    claim_start = parse_date(data.get("claim_start"), "claim_start", required=False)
    claim_end = parse_date(data.get("claim_end"), "claim_end", required=False)
    if claim_start and claim_end and claim_end < claim_start:
        raise ValidationError(
            "claim_end",
            claim_end.isoformat(),
            msg("error.claim_end_before_start", start=Day(str(claim_start))),
        )
    return RetirementRequest(
        contract_id=contract_id,
        retired_on=retired_on,
        tonnes_kg=parse_tonnes(data.get("tonnes"), "tonnes"),
        block=parse_serials(data.get("serial_block"), batches=True),
        beneficiary=parse_text(data, "beneficiary"),
        purpose=parse_choice(Purpose, "purpose", data.get("purpose") or "corporate-target"),
        claim_start=claim_start,
        claim_end=claim_end,
        registry_reference=parse_text(data, "registry_reference", limit=120),
        uid=parse_uid(data.get("uid")),
    )


@dataclass(frozen=True, slots=True)
class Invalidation:
    """Delivered credits a registry cancelled or drew into a buffer after a reversal."""

    contract_id: int
    delivery_id: int
    invalidated_on: dt.date
    tonnes_kg: int
    block: SerialBlock | None  # the invalidated serials, when the registry names them
    reason: InvalidationReason
    registry_reference: str = ""
    note: str = ""
    id: int | None = None
    uid: str | None = None


def invalidation_from_input(data: Mapping[str, object], delivery: Delivery) -> Invalidation:
    """Validate an invalidation of ``delivery`` (keys as in the invalidations CSV)."""
    assert delivery.id is not None
    invalidated_on = parse_date(data.get("invalidated_on"), "invalidated_on")
    assert invalidated_on is not None
    if invalidated_on < delivery.delivered_on:
        raise ValidationError(
            "invalidated_on",
            invalidated_on.isoformat(),
            msg("error.before_delivery", day=Day(str(delivery.delivered_on))),
        )
    tonnes_kg = parse_tonnes(data.get("tonnes"), "tonnes")
    block_text = str(data.get("serial_block") or "").strip()
    block = parse_serial_block(block_text) if block_text else None
    if block is not None:
        if not isinstance(delivery.block, SerialBlock) or not delivery.block.contains(block):
            reason = (
                msg("error.outside_delivery_block", block=delivery.block.text)
                if delivery.block
                else msg("error.outside_pending_delivery")
            )
            raise ValidationError("serial_block", block_text, reason)
        check_block_matches_tonnes(delivery.registry, block, tonnes_kg, data.get("tonnes"))
    elif serial_count(delivery.registry, tonnes_kg) is None and isinstance(
        delivery.block, SerialBlock
    ):
        raise ValidationError(
            "tonnes",
            data.get("tonnes"),
            msg("error.whole_tonnes", registry=delivery.registry.value),
        )
    return Invalidation(
        contract_id=delivery.contract_id,
        delivery_id=delivery.id,
        invalidated_on=invalidated_on,
        tonnes_kg=tonnes_kg,
        block=block,
        reason=parse_choice(InvalidationReason, "reason", data.get("reason") or ""),
        registry_reference=parse_text(data, "registry_reference", limit=120),
        note=parse_text(data, "note", limit=4000),
        uid=parse_uid(data.get("uid")),
    )
