"""A stored record as the text a form shows (the same keys as the tracker CSV columns)."""

from __future__ import annotations

from tracker.domain.dates import iso
from tracker.domain.quantities import format_price, format_tonnes_short
from tracker.domain.records import Contract, Delivery, Retirement, Tranche


def _optional(value: int | None) -> str:
    return "" if value is None else str(value)


def contract_input(c: Contract) -> dict[str, str]:
    return {
        "reference": c.reference,
        "buyer": c.buyer,
        "supplier": c.supplier,
        "project": c.project,
        "method": c.method.value,
        "credit_type": c.credit_type.value,
        "registry": c.registry.value,
        "tonnes": format_tonnes_short(c.tonnes_kg),
        "price_per_tonne": format_price(c.price),
        "currency": c.currency,
        "signed_on": iso(c.signed_on),
        "start_on": iso(c.start_on),
        "end_on": iso(c.end_on),
        "durability_years": _optional(c.durability_years),
        "status": c.status.value,
        "notes": c.notes,
    }


def tranche_input(t: Tranche) -> dict[str, str]:
    return {
        "due_on": iso(t.due_on),
        "tonnes": format_tonnes_short(t.tonnes_kg),
        "vintage": _optional(t.vintage),
        "price_per_tonne": format_price(t.price) if t.price is not None else "",
    }


def delivery_input(d: Delivery) -> dict[str, str]:
    return {
        "delivered_on": iso(d.delivered_on),
        "tonnes": format_tonnes_short(d.tonnes_kg),
        "vintage": _optional(d.vintage),
        "registry": d.registry.value,
        "serial_block": d.block.text,
        "verification_status": d.verification_status.value,
        "verifier": d.verifier,
        "verified_on": iso(d.verified_on),
        "reference": d.reference,
    }


def retirement_input(r: Retirement) -> dict[str, str]:
    return {
        "retired_on": iso(r.retired_on),
        "tonnes": format_tonnes_short(r.tonnes_kg),
        "serial_block": r.block.text,
        "beneficiary": r.beneficiary,
        "purpose": r.purpose.value,
        "claim_start": iso(r.claim_start),
        "claim_end": iso(r.claim_end),
        "registry_reference": r.registry_reference,
    }
