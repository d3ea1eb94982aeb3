"""Isometric registry exports (the flattened API: retirements and issuances).

Isometric counts kilograms (``credit_kgs``) and its public lists carry no serial
numbers.  A retirement without serials is drawn oldest vintage first from the
contract's deliveries, as Isometric itself retires; its ``retirement_id`` is the
registry reference that makes a re-import find it again.  Project issuances are
listed for reconciliation only (they are issued to the supplier, not delivered to
the buyer).  A ``serial_number`` column, when present, is used.
"""

from __future__ import annotations

from collections.abc import Mapping

from tracker.domain.errors import ValidationError
from tracker.domain.vocab import Purpose, Registry, parse_choice
from tracker.services.registry.common import cell, kilograms, purpose_from_text, require
from tracker.services.registry.model import Layout, RegistryRow, RowKind
from tracker.services.registry.values import parse_registry_date

KGS = "credit_batch_size_total.credit_kgs"


def _purpose(text: str) -> Purpose:
    first = text.strip("[]").split(",")[0].strip().strip("'\"")
    try:
        return parse_choice(Purpose, "purposes", first)
    except ValidationError:  # not a code we know: read it as words
        return purpose_from_text(first)


def _retirement(line: int, cells: Mapping[str, str], decimal_comma: bool) -> RegistryRow:
    return RegistryRow(
        line=line,
        kind=RowKind.RETIREMENT,
        registry=Registry.ISOMETRIC,
        tonnes_kg=kilograms(cells, KGS, KGS, decimal_comma),
        columns={
            "serial_block": "serial_number",
            "tonnes": KGS,
            "date": "retired_at",
            "beneficiary": "beneficiary.name",
            "reference": "retirement_id",
        },
        serial_block=cell(cells, "serial_number"),
        date=parse_registry_date(cells.get("retired_at"), "retired_at"),
        beneficiary=cell(cells, "beneficiary.name")[:200],
        purpose=_purpose(cell(cells, "purposes")),
        reference=require(cells, "retirement_id", "retirement_id"),
        project=cell(cells, "project_id"),
        account=cell(cells, "owner.name")[:200],
    )


def _issuance(line: int, cells: Mapping[str, str], decimal_comma: bool) -> RegistryRow:
    serial = cell(cells, "serial_number")
    return RegistryRow(
        line=line,
        kind=RowKind.DELIVERY if serial else RowKind.ISSUANCE_SUMMARY,
        registry=Registry.ISOMETRIC,
        tonnes_kg=kilograms(cells, KGS, KGS, decimal_comma),
        columns={"serial_block": "serial_number", "tonnes": KGS, "date": "issued_at"},
        serial_block=serial,
        date=parse_registry_date(cells.get("issued_at"), "issued_at"),
        issued_on=parse_registry_date(cells.get("issued_at"), "issued_at"),
        reference=require(cells, "id", "id"),
        project=cell(cells, "project_id"),
    )


LAYOUTS = (
    Layout(
        "isometric-retirements",
        Registry.ISOMETRIC,
        frozenset({"retirement_id", "retired_at", KGS}),
        _retirement,
        "Isometric retirements",
    ),
    Layout(
        "isometric-issuances",
        Registry.ISOMETRIC,
        frozenset({"id", "issued_at", KGS}),
        _issuance,
        "Isometric issuances",
    ),
)
