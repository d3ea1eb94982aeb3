"""Mapping between domain records and table rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from tracker.domain.dates import iso
from tracker.domain.identity import format_project_ids
from tracker.domain.records import Contract, Delivery, Retirement, Tranche
from tracker.domain.serials import SerialBlock
from tracker.domain.vocab import (
    ContractStatus,
    CreditType,
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
    )


def delivery_row(d: Delivery) -> Row:
    return {
        "contract_id": d.contract_id,
        "delivered_on": iso(d.delivered_on),
        "tonnes_kg": d.tonnes_kg,
        "vintage": d.vintage,
        "registry": d.registry.value,
        "serial_block": d.block.text,
        "serial_prefix": d.block.prefix,
        "serial_start": d.block.start,
        "serial_end": d.block.end,
        "serial_template": d.block.template,
        "verification_status": d.verification_status.value,
        "verifier": d.verifier,
        "verified_on": iso(d.verified_on) or None,
        "reference": d.reference,
    }


def delivery_block(r: Mapping[str, Any]) -> SerialBlock:
    return SerialBlock(r["serial_prefix"], r["serial_start"], r["serial_end"], r["serial_template"])


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
    )


def retirement_row(x: Retirement) -> Row:
    return {
        "contract_id": x.contract_id,
        "delivery_id": x.delivery_id,
        "retired_on": iso(x.retired_on),
        "tonnes_kg": x.tonnes_kg,
        "serial_block": x.block.text,
        "serial_prefix": x.block.prefix,
        "serial_start": x.block.start,
        "serial_end": x.block.end,
        "beneficiary": x.beneficiary,
        "purpose": x.purpose.value,
        "claim_start": iso(x.claim_start) or None,
        "claim_end": iso(x.claim_end) or None,
        "registry_reference": x.registry_reference,
    }


def retirement_from_row(r: Mapping[str, Any], template: str) -> Retirement:
    return Retirement(
        id=r["id"],
        contract_id=r["contract_id"],
        delivery_id=r["delivery_id"],
        retired_on=_req_date(r["retired_on"]),
        tonnes_kg=r["tonnes_kg"],
        block=SerialBlock(r["serial_prefix"], r["serial_start"], r["serial_end"], template),
        beneficiary=r["beneficiary"],
        purpose=Purpose(r["purpose"]),
        claim_start=_date(r["claim_start"]),
        claim_end=_date(r["claim_end"]),
        registry_reference=r["registry_reference"],
    )
