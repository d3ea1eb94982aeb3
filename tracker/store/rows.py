"""Mapping between domain records and table rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from tracker.domain.dates import iso
from tracker.domain.identity import format_project_ids
from tracker.domain.records import Contract, Delivery, Invalidation, Retirement, Tranche
from tracker.domain.serials import CreditBatch, SerialBlock, Serials
from tracker.domain.vocab import (
    ContractStatus,
    CreditType,
    InvalidationReason,
    Method,
    Purpose,
    Registry,
    VerificationStatus,
)

Row = dict[str, Any]


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _req_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def with_uid(row: Row, uid: str | None) -> Row:
    """A new record's row with its global id: the one it was given (an import keeping
    another ledger's id), or None for the unit of work to make one."""
    return {**row, "uid": uid}


def contract_row(c: Contract) -> Row:
    return {
        "reference": c.reference,
        "buyer": c.buyer,
        "supplier": c.supplier,
        "project": c.project,
        "method": c.method.value,
        "credit_type": c.credit_type.value,
        "registry": c.registry.value,
        "tonnes_kg": c.tonnes_kg,
        "price": c.price,
        "currency": c.currency,
        "signed_on": iso(c.signed_on) or None,
        "start_on": iso(c.start_on),
        "end_on": iso(c.end_on),
        "durability_years": c.durability_years,
        "status": c.status.value,
        "notes": c.notes,
        "registry_project_ids": format_project_ids(c.registry_project_ids),
    }


def contract_from_row(r: Mapping[str, Any]) -> Contract:
    return Contract(
        id=r["id"],
        reference=r["reference"],
        buyer=r["buyer"],
        supplier=r["supplier"],
        project=r["project"],
        method=Method(r["method"]),
        credit_type=CreditType(r["credit_type"]),
        registry=Registry(r["registry"]),
        tonnes_kg=r["tonnes_kg"],
        price=r["price"],
        currency=r["currency"],
        signed_on=_date(r["signed_on"]),
        start_on=_req_date(r["start_on"]),
        end_on=_req_date(r["end_on"]),
        durability_years=r["durability_years"],
        status=ContractStatus(r["status"]),
        notes=r["notes"],
        registry_project_ids=tuple(i for i in r["registry_project_ids"].split(";") if i),
        uid=r.get("uid"),
    )


def tranche_row(t: Tranche) -> Row:
    return {
        "contract_id": t.contract_id,
        "due_on": iso(t.due_on),
        "tonnes_kg": t.tonnes_kg,
        "vintage": t.vintage,
        "price": t.price,
    }


def tranche_from_row(r: Mapping[str, Any]) -> Tranche:
    return Tranche(
        id=r["id"],
        contract_id=r["contract_id"],
        due_on=_req_date(r["due_on"]),
        tonnes_kg=r["tonnes_kg"],
        vintage=r["vintage"],
        price=r["price"],
        uid=r.get("uid"),
    )


def serial_columns(block: Serials | None) -> Row:
    """A range, a batch id (no range) or serials still to come (all empty)."""
    if isinstance(block, SerialBlock):
        return {
            "serial_block": block.text,
            "serial_prefix": block.prefix,
            "serial_start": block.start,
            "serial_end": block.end,
        }
    return {
        "serial_block": None if block is None else block.text,
        "serial_prefix": None,
        "serial_start": None,
        "serial_end": None,
    }


def serials_from_columns(r: Mapping[str, Any], template: str | None) -> Serials | None:
    if r["serial_block"] is None:
        return None
    if r["serial_start"] is None:
        return CreditBatch(r["serial_block"])
    return SerialBlock(r["serial_prefix"], r["serial_start"], r["serial_end"], template or "")


def delivery_row(d: Delivery) -> Row:
    return {
        "contract_id": d.contract_id,
        "delivered_on": iso(d.delivered_on),
        "tonnes_kg": d.tonnes_kg,
        "vintage": d.vintage,
        "registry": d.registry.value,
        **serial_columns(d.block),
        "serial_template": d.block.template if isinstance(d.block, SerialBlock) else None,
        "verification_status": d.verification_status.value,
        "verifier": d.verifier,
        "verified_on": iso(d.verified_on) or None,
        "reference": d.reference,
        "tranche_due_on": iso(d.tranche_due_on) or None,
    }


def delivery_block(r: Mapping[str, Any]) -> Serials | None:
    return serials_from_columns(r, r["serial_template"])


def delivery_from_row(r: Mapping[str, Any]) -> Delivery:
    return Delivery(
        id=r["id"],
        contract_id=r["contract_id"],
        delivered_on=_req_date(r["delivered_on"]),
        tonnes_kg=r["tonnes_kg"],
        vintage=r["vintage"],
        registry=Registry(r["registry"]),
        block=delivery_block(r),
        verification_status=VerificationStatus(r["verification_status"]),
        verifier=r["verifier"],
        verified_on=_date(r["verified_on"]),
        reference=r["reference"],
        tranche_due_on=_date(r["tranche_due_on"]),
        uid=r.get("uid"),
    )


def retirement_row(x: Retirement) -> Row:
    return {
        "contract_id": x.contract_id,
        "delivery_id": x.delivery_id,
        "retired_on": iso(x.retired_on),
        "tonnes_kg": x.tonnes_kg,
        **serial_columns(x.block),
        "beneficiary": x.beneficiary,
        "purpose": x.purpose.value,
        "claim_start": iso(x.claim_start) or None,
        "claim_end": iso(x.claim_end) or None,
        "registry_reference": x.registry_reference,
    }


def retirement_from_row(r: Mapping[str, Any], template: str | None) -> Retirement:
    return Retirement(
        id=r["id"],
        contract_id=r["contract_id"],
        delivery_id=r["delivery_id"],
        retired_on=_req_date(r["retired_on"]),
        tonnes_kg=r["tonnes_kg"],
        block=serials_from_columns(r, template),
        beneficiary=r["beneficiary"],
        purpose=Purpose(r["purpose"]),
        claim_start=_date(r["claim_start"]),
        claim_end=_date(r["claim_end"]),
        registry_reference=r["registry_reference"],
        uid=r.get("uid"),
    )


def invalidation_row(x: Invalidation) -> Row:
    return {
        "contract_id": x.contract_id,
        "delivery_id": x.delivery_id,
        "invalidated_on": iso(x.invalidated_on),
        "tonnes_kg": x.tonnes_kg,
        **serial_columns(x.block),
        "reason": x.reason.value,
        "registry_reference": x.registry_reference,
        "note": x.note,
    }


def invalidation_from_row(r: Mapping[str, Any], template: str | None) -> Invalidation:
    block = serials_from_columns(r, template)
    return Invalidation(
        id=r["id"],
        contract_id=r["contract_id"],
        delivery_id=r["delivery_id"],
        invalidated_on=_req_date(r["invalidated_on"]),
        tonnes_kg=r["tonnes_kg"],
        block=block if isinstance(block, SerialBlock) else None,
        reason=InvalidationReason(r["reason"]),
        registry_reference=r["registry_reference"],
        note=r["note"],
        uid=r.get("uid"),
    )
