"""The shared shape of ACR, CAR and ART exports: retirements, cancellations and
project-level issuance lists.  Each registry module names its own columns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tracker.domain.vocab import Registry
from tracker.services.registry.common import (
    cell,
    claim_period,
    credits_kg,
    purpose_from_text,
    require,
)
from tracker.services.registry.model import Layout, RegistryRow, RowKind
from tracker.services.registry.text import normalise_header as key
from tracker.services.registry.values import parse_registry_date, parse_vintage

BENEFICIARY_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Columns:
    """The file's column names for one layout (as written; compared normalised)."""

    serial: str = ""
    quantity: str = ""
    date: str = ""  # when the row's event happened (status effective / issued)
    issued: str = ""
    vintage: str = "Vintage"
    beneficiary: str = ""
    account: str = ""  # the account holder (the buyer, or a broker acting for it)
    reasons: tuple[str, ...] = ()
    project: str = ""
    marker: str = ""  # an extra column that identifies the layout


def _names(columns: Columns) -> dict[str, str]:
    return {
        "serial_block": columns.serial,
        "tonnes": columns.quantity,
        "date": columns.date,
        "issued_on": columns.issued,
        "vintage": columns.vintage,
        "beneficiary": columns.beneficiary,
    }


def serial_layout(
    name: str, registry: Registry, kind: RowKind, columns: Columns, label: str
) -> Layout:
    """Rows that carry a serial block (retirements, cancellations, transfers)."""
    names = _names(columns)

    def parse(line: int, cells: Mapping[str, str], decimal_comma: bool) -> RegistryRow:
        reasons = [cell(cells, key(r)) for r in columns.reasons]
        beneficiary = cell(cells, key(columns.beneficiary)) if columns.beneficiary else ""
        claim_start, claim_end = claim_period(beneficiary, *reasons)
        return RegistryRow(
            line=line,
            kind=kind,
            registry=registry,
            tonnes_kg=credits_kg(cells, key(columns.quantity), columns.quantity, decimal_comma),
            columns=names,
            serial_block=require(cells, key(columns.serial), columns.serial),
            date=parse_registry_date(cells.get(key(columns.date)), columns.date),
            issued_on=parse_registry_date(
                cells.get(key(columns.issued)), columns.issued, required=False
            )
            if columns.issued
            else None,
            vintage=parse_vintage(cells.get(key(columns.vintage)), columns.vintage),
            beneficiary=beneficiary[:BENEFICIARY_LIMIT],
            purpose=purpose_from_text(*reasons),
            claim_start=claim_start if kind is RowKind.RETIREMENT else None,
            claim_end=claim_end if kind is RowKind.RETIREMENT else None,
            project=cell(cells, key(columns.project)) if columns.project else "",
            account=cell(cells, key(columns.account))[:BENEFICIARY_LIMIT]
            if columns.account
            else "",
        )

    required = {columns.serial, columns.quantity, columns.date}
    if columns.marker:
        required.add(columns.marker)
    return Layout(name, registry, frozenset(key(c) for c in required), parse, label)


def issuance_summary_layout(name: str, registry: Registry, columns: Columns, label: str) -> Layout:
    """A project-level issuance list: no serial numbers, so never a delivery."""
    names = _names(columns)

    def parse(line: int, cells: Mapping[str, str], decimal_comma: bool) -> RegistryRow:
        return RegistryRow(
            line=line,
            kind=RowKind.ISSUANCE_SUMMARY,
            registry=registry,
            tonnes_kg=credits_kg(cells, key(columns.quantity), columns.quantity, decimal_comma),
            columns=names,
            date=parse_registry_date(cells.get(key(columns.date)), columns.date),
            vintage=parse_vintage(cells.get(key(columns.vintage)), columns.vintage),
            project=cell(cells, key(columns.project)) if columns.project else "",
        )

    required = {columns.quantity, columns.date, columns.marker} - {""}
    return Layout(name, registry, frozenset(key(c) for c in required), parse, label)
