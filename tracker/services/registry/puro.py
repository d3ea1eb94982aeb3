"""Puro.earth retirement and transfer records, flattened to CSV like the registry's JSON.

Columns: ``id``, ``type`` (RETIREMENT or TRANSFER), ``completedOn``, ``volume``,
``certificates`` (``PURO_PR_CORC100+_FI_577166_2020_<issuance>_1-100``),
``retirementDetails.beneficiaryName``, ``retirementDetails.retirementPurpose``,
``retirementDetails.consumptionPeriodStartDate`` / ``…EndDate``.  Serial ranges are only
unique within one issuance, so the issuance id stays in the serial prefix.
"""

from __future__ import annotations

from collections.abc import Mapping

from tracker.domain.errors import ValidationError
from tracker.domain.messages import msg
from tracker.domain.vocab import Registry
from tracker.services.registry.common import cell, credits_kg, purpose_from_text, require
from tracker.services.registry.model import Layout, RegistryRow, RowKind
from tracker.services.registry.values import parse_registry_date

_DETAILS = "retirementdetails."


def _parse(line: int, cells: Mapping[str, str], decimal_comma: bool) -> RegistryRow:
    kind_text = cell(cells, "type").casefold()
    if "retire" in kind_text:
        kind = RowKind.RETIREMENT
    elif "transfer" in kind_text or "issu" in kind_text:
        kind = RowKind.DELIVERY
    elif "cancel" in kind_text:
        kind = RowKind.CANCELLATION
    else:
        raise ValidationError("type", kind_text, msg("error.not_a_puro_type"))
    retired = kind is RowKind.RETIREMENT
    return RegistryRow(
        line=line,
        kind=kind,
        registry=Registry.PURO,
        tonnes_kg=credits_kg(cells, "volume", "volume", decimal_comma),
        columns={
            "serial_block": "certificates",
            "tonnes": "volume",
            "date": "completedOn",
            "beneficiary": "retirementDetails.beneficiaryName",
        },
        serial_block=require(cells, "certificates", "certificates"),
        date=parse_registry_date(cells.get("completedon"), "completedOn"),
        beneficiary=cell(cells, _DETAILS + "beneficiaryname")[:200] if retired else "",
        purpose=purpose_from_text(cell(cells, _DETAILS + "retirementpurpose")),
        claim_start=parse_registry_date(
            cells.get(_DETAILS + "consumptionperiodstartdate"),
            "retirementDetails.consumptionPeriodStartDate",
            required=False,
        ),
        claim_end=parse_registry_date(
            cells.get(_DETAILS + "consumptionperiodenddate"),
            "retirementDetails.consumptionPeriodEndDate",
            required=False,
        ),
        reference=cell(cells, "id"),
        project=_facility(cell(cells, "certificates")),
    )


def _facility(certificates: str) -> str:
    """The production facility id in ``PURO_PR_CORC100+_FI_577166_2020_…``: the field
    after the country code (Puro's certificates carry no separate project column)."""
    parts = certificates.split("_")
    return parts[4] if len(parts) > 4 and parts[0].upper() == "PURO" else ""


LAYOUTS = (
    Layout(
        "puro",
        Registry.PURO,
        frozenset({"id", "type", "completedon", "volume", "certificates"}),
        _parse,
        "Puro.earth records",
    ),
)
