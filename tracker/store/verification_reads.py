"""Verification records as stored: per delivery, by id, the latest, and for export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from tracker.domain.dates import iso
from tracker.domain.verification import Verification
from tracker.domain.vocab import VerificationStatus
from tracker.store import queries
from tracker.store.ledger import Ledger

Row = dict[str, Any]

_LATEST = (
    "select * from verifications where delivery_id = ? order by verified_on desc, id desc limit 1"
)


def verification_row(v: Verification) -> Row:
    return {
        "delivery_id": v.delivery_id,
        "verifier": v.verifier,
        "verified_on": iso(v.verified_on),
        "outcome": v.outcome.value,
        "verified_kg": v.verified_kg,
        "evidence": v.evidence,
        "note": v.note,
    }


def verification_from_row(r: Mapping[str, Any]) -> Verification:
    return Verification(
        id=r["id"],
        delivery_id=r["delivery_id"],
        verifier=r["verifier"],
        verified_on=dt.date.fromisoformat(r["verified_on"]),
        outcome=VerificationStatus(r["outcome"]),
        verified_kg=r["verified_kg"],
        evidence=r["evidence"],
        note=r["note"],
    )


def stored_rows(db: Ledger, delivery_id: int) -> Iterator[Row]:
    """The delivery's records as stored, oldest first."""
    sql = "select * from verifications where delivery_id = ? order by verified_on, id"
    return queries.rows(db, sql, [delivery_id])


def verifications(db: Ledger, delivery_id: int) -> list[Verification]:
    """The delivery's records, oldest first."""
    return [verification_from_row(r) for r in stored_rows(db, delivery_id)]


def verification_by_id(db: Ledger, verification_id: int) -> Verification | None:
    for r in queries.rows(db, "select * from verifications where id = ?", [verification_id]):
        return verification_from_row(r)
    return None


def latest_row(db: Ledger, delivery_id: int) -> Row | None:
    """The delivery's latest record as stored (None: it has none)."""
    return next(queries.rows(db, _LATEST, [delivery_id]), None)


def export_rows(db: Ledger, contract_id: int | None = None) -> Iterator[Row]:
    """Every record (one contract's, given ``contract_id``) with its delivery's registry
    reference as ``delivery_reference``, by contract, delivery and date."""
    where = "where d.contract_id = ?" if contract_id else ""
    sql = (
        "select v.*, d.reference as delivery_reference from verifications v "
        f"join deliveries d on d.id = v.delivery_id {where} order by d.contract_id, d.id, "
        "v.verified_on, v.id"
    )
    return queries.rows(db, sql, [contract_id] if contract_id else [])
