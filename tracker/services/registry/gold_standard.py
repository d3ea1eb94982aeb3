"""Gold Standard impact registry exports (issuances, retirements).

Serials like ``GS1-1-KE-GS11603-16-2025-30256-110-5463``.  "Credit Status" says what a
row is: Issued (a delivery), Retired, or Cancelled.
"""

from __future__ import annotations

from collections.abc import Mapping

from tracker.domain.errors import ValidationError
from tracker.domain.messages import msg
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

SERIAL = "Serial Number"
QUANTITY = "Quantity"
STATUS = "Credit Status"
ISSUED = "Issuance Date"
RETIRED = "Retirement Date"
BENEFICIARY = "Using Entity"
_KINDS = {
    "issued": RowKind.DELIVERY,
    "transferred": RowKind.DELIVERY,
    "retired": RowKind.RETIREMENT,
    "cancelled": RowKind.CANCELLATION,
    "canceled": RowKind.CANCELLATION,
}
_STATUSES = ", ".join(_KINDS)


def _parse(line: int, cells: Mapping[str, str], decimal_comma: bool) -> RegistryRow:
    status = cell(cells, key(STATUS))
    kind = _KINDS.get(status.casefold())
    if kind is None:
        raise ValidationError(STATUS, status, msg("error.not_a_credit_status", allowed=_STATUSES))
    issued = parse_registry_date(cells.get(key(ISSUED)), ISSUED, required=False)
    date_column = RETIRED if kind is not RowKind.DELIVERY else ISSUED
    if kind is RowKind.CANCELLATION and not cell(cells, key(RETIRED)):
        date_column = ISSUED  # cancellations often carry no date of their own
    date = parse_registry_date(cells.get(key(date_column)), date_column)
    note = cell(cells, key("Note"))
    use_case = cell(cells, key("Use Case"))
    beneficiary = cell(cells, key(BENEFICIARY))
    claim_start, claim_end = claim_period(note) if kind is RowKind.RETIREMENT else (None, None)
    return RegistryRow(
        line=line,
        kind=kind,
        registry=Registry.GOLD_STANDARD,
        tonnes_kg=credits_kg(cells, key(QUANTITY), QUANTITY, decimal_comma),
        columns={
            "serial_block": SERIAL,
            "tonnes": QUANTITY,
            "date": date_column,
            "issued_on": ISSUED,
            "vintage": "Vintage",
            "beneficiary": BENEFICIARY,
        },
        serial_block=require(cells, key(SERIAL), SERIAL),
        date=date,
        issued_on=issued,
        vintage=parse_vintage(cells.get("vintage"), "Vintage"),
        beneficiary=beneficiary[:200],
        purpose=purpose_from_text(use_case, note),
        claim_start=claim_start,
        claim_end=claim_end,
        project=cell(cells, key("GSID")),
    )


LAYOUTS = (
    Layout(
        "gold-standard",
        Registry.GOLD_STANDARD,
        frozenset(key(c) for c in (SERIAL, QUANTITY, STATUS, "GSID", ISSUED)),
        _parse,
        "Gold Standard credits",
    ),
)
