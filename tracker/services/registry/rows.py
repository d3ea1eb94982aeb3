"""Recording one parsed registry row in the ledger (inside the import's transaction)."""

from __future__ import annotations

from tracker.domain.changes import ChangeSet
from tracker.domain.dates import iso
from tracker.domain.errors import ValidationError
from tracker.domain.messages import Message, msg, render
from tracker.domain.quantities import format_tonnes, parse_tonnes
from tracker.domain.records import Contract
from tracker.domain.serials import Serials, parse_serials
from tracker.domain.vocab import BATCH_REGISTRIES
from tracker.services import deliveries as delivery_service
from tracker.services import retirements as retirement_service
from tracker.services import tracker_csv
from tracker.services.registry.model import RegistryRow, RowKind
from tracker.services.registry.outcome import Action, ImportOptions, RowOutcome
from tracker.store import lookups, queries
from tracker.store.ledger import Ledger

SKIP_REASONS = {
    RowKind.CANCELLATION: msg("error.skip_cancellation"),
    RowKind.ISSUANCE_SUMMARY: msg("error.skip_issuance_summary"),
}


def record_row(
    db: Ledger,
    row: RegistryRow,
    contract: Contract | None,
    options: ImportOptions,
) -> tuple[RowOutcome, ChangeSet]:
    if row.kind in SKIP_REASONS:
        return _outcome(row, Action.SKIP, reason=SKIP_REASONS[row.kind]), ChangeSet()
    if row.kind is RowKind.TRACKER:
        return _tracker_row(db, row)
    if row.kind is RowKind.DELIVERY:
        return _delivery(db, row, contract)
    return _retirement(db, row, contract, options)


def _outcome(
    row: RegistryRow, action: Action, contract: str = "", reason: Message | None = None
) -> RowOutcome:
    return RowOutcome(
        row.line,
        action,
        row.kind.value,
        row.tonnes_kg,
        contract,
        row.serial_block,
        reason=render(reason) if reason is not None else "",
        reason_message=reason,
    )


def _tracker_row(db: Ledger, row: RegistryRow) -> tuple[RowOutcome, ChangeSet]:
    cells = row.tracker_cells
    change = tracker_csv.IMPORTERS[row.tracker_kind](db, cells)
    try:
        kg = parse_tonnes(cells.get("tonnes"))
    except ValidationError:
        kg = 0
    outcome = RowOutcome(
        row.line,
        Action.PRESENT if change is None else Action.ADD,
        row.tracker_kind,
        kg,
        str(cells.get("contract") or cells.get("reference") or ""),
        str(cells.get("serial_block") or ""),
    )
    return outcome, change or ChangeSet()


def _serials(row: RegistryRow) -> Serials:
    """The row's serial range, or its batch id where the registry names batches."""
    block = parse_serials(
        row.serial_block, batches=row.registry in BATCH_REGISTRIES, registry=row.registry.value
    )
    if block is None:
        raise ValidationError("serial_block", row.serial_block, msg("error.required"))
    return block


def _need_contract(row: RegistryRow, contract: Contract | None) -> Contract:
    if contract is None:
        raise ValidationError(
            "contract",
            None,
            msg("error.block_needs_contract"),
        )
    return contract


def _delivery_data(row: RegistryRow, block_text: str) -> dict[str, str]:
    delivered_on = row.issued_on or row.date
    return {
        "delivered_on": iso(delivered_on),
        "tonnes": format_tonnes(row.tonnes_kg),
        "vintage": str(row.vintage or ""),
        "registry": row.registry.value,
        "serial_block": block_text,
        "verification_status": "verified",
        "verifier": "",
        "verified_on": iso(delivered_on),
        "reference": row.reference,
    }


def _delivery(
    db: Ledger, row: RegistryRow, contract: Contract | None
) -> tuple[RowOutcome, ChangeSet]:
    block = _serials(row)
    for found in lookups.holders_of(db, "deliveries", block):
        if contract is None or found.contract_id == contract.id:
            return _outcome(row, Action.PRESENT, found.reference), ChangeSet()
        raise ValidationError(
            "serial_block",
            row.serial_block,
            msg(
                "error.already_delivered_under",
                other=found.reference,
                contract=contract.reference,
            ),
        )
    target = _need_contract(row, contract)
    assert target.id is not None
    awaiting = tracker_csv.awaiting_serials(db, target.id, row.reference)
    if awaiting is not None:  # the delivery was recorded before its serials arrived
        _, change = delivery_service.give_serials(db, awaiting, block.text)
        return _outcome(row, Action.ADD, target.reference), change
    _, change = delivery_service.add_delivery(db, target.id, _delivery_data(row, block.text))
    return _outcome(row, Action.ADD, target.reference), change


def _retirement_data(row: RegistryRow, block_text: str) -> dict[str, str]:
    return {
        "retired_on": iso(row.date),
        "tonnes": format_tonnes(row.tonnes_kg),
        "serial_block": block_text,
        "beneficiary": row.beneficiary,
        "purpose": row.purpose.value,
        "claim_start": iso(row.claim_start),
        "claim_end": iso(row.claim_end),
        "registry_reference": row.reference,
    }


def _retirement(
    db: Ledger,
    row: RegistryRow,
    contract: Contract | None,
    options: ImportOptions,
) -> tuple[RowOutcome, ChangeSet]:
    if not row.serial_block:
        return _retirement_without_serials(db, row, contract)
    block = _serials(row)
    for found in lookups.holders_of(db, "retirements", block):
        if contract is None or found.contract_id == contract.id:
            return _outcome(row, Action.PRESENT, found.reference), ChangeSet()
    holders = queries.deliveries_containing(db, block)
    change = ChangeSet()
    if holders:
        target = queries.contract(db, holders[0]["contract_id"])
        if contract is not None and contract.id != target.id:
            raise ValidationError(
                "serial_block",
                row.serial_block,
                msg(
                    "error.was_delivered_under",
                    other=target.reference,
                    contract=contract.reference,
                ),
            )
    elif options.deliver_retired:
        target = _need_contract(row, contract)
        assert target.id is not None
        _, change = delivery_service.add_delivery(db, target.id, _delivery_data(row, block.text))
    else:
        raise ValidationError(
            "serial_block",
            row.serial_block,
            msg("error.retired_block_not_delivered"),
        )
    assert target.id is not None
    _, retired = retirement_service.retire(db, target.id, _retirement_data(row, block.text))
    return _outcome(row, Action.ADD, target.reference), change | retired


def _retirement_without_serials(
    db: Ledger, row: RegistryRow, contract: Contract | None
) -> tuple[RowOutcome, ChangeSet]:
    if row.reference:
        found = lookups.retirement_with_registry_reference(db, row.reference)
        if found and (contract is None or found.contract_id == contract.id):
            return _outcome(row, Action.PRESENT, found.reference), ChangeSet()
    if contract is None:
        raise ValidationError(
            "contract",
            None,
            msg("error.retirement_needs_contract"),
        )
    assert contract.id is not None
    _, change = retirement_service.retire(db, contract.id, _retirement_data(row, ""))
    return _outcome(row, Action.ADD, contract.reference), change
