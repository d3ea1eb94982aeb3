"""Verra VCS transaction exports: issuances and retirements mixed in one file.

A row with a "Retirement/Cancellation Date" is a retirement (Verra's public export does
not tell retirements from cancellations); a row without one is credits issued and still
active, read as a delivery of that serial block.
"""

from __future__ import annotations

from collections.abc import Mapping

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
from tracker.services.registry.values import parse_registry_date

SERIAL = "Serial Number"
QUANTITY = "Quantity Issued"
ISSUED = "Issuance Date"
RETIRED = "Retirement/Cancellation Date"
VINTAGE_END = "Vintage End"
BENEFICIARY = "Retirement Beneficiary"
NAMES = {
    "serial_block": SERIAL,
    "tonnes": QUANTITY,
    "issued_on": ISSUED,
    "vintage": VINTAGE_END,
    "beneficiary": BENEFICIARY,
}


def _parse(line: int, cells: Mapping[str, str], decimal_comma: bool) -> RegistryRow:
    issued = parse_registry_date(cells.get(key(ISSUED)), ISSUED)
    retired = parse_registry_date(cells.get(key(RETIRED)), RETIRED, required=False)
    vintage_end = parse_registry_date(cells.get(key(VINTAGE_END)), VINTAGE_END, required=False)
    reason = cell(cells, key("Retirement Reason"))
    details = cell(cells, key("Retirement Details"))
    beneficiary = cell(cells, key(BENEFICIARY))
    claim_start, claim_end = claim_period(beneficiary, details) if retired else (None, None)
    return RegistryRow(
        line=line,
        kind=RowKind.RETIREMENT if retired else RowKind.DELIVERY,
        registry=Registry.VERRA,
        tonnes_kg=credits_kg(cells, key(QUANTITY), QUANTITY, decimal_comma),
        columns={**NAMES, "date": RETIRED if retired else ISSUED},
        serial_block=require(cells, key(SERIAL), SERIAL),
        date=retired or issued,
        issued_on=issued,
        vintage=vintage_end.year if vintage_end else None,
        beneficiary=beneficiary[:200],
        purpose=purpose_from_text(reason, details),
        claim_start=claim_start,
        claim_end=claim_end,
        project=cell(cells, key("ID")),
    )


LAYOUTS = (
    Layout(
        "verra-transactions",
        Registry.VERRA,
        frozenset(key(c) for c in (SERIAL, QUANTITY, ISSUED, RETIRED)),
        _parse,
        "Verra transactions",
    ),
)
