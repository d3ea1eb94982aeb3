"""Contracts: add, edit, delete (with everything that depends on them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import ValidationError, not_found
from tracker.domain.messages import Day, Tonnes, msg
from tracker.domain.quantities import format_tonnes_grouped
from tracker.domain.records import Contract, contract_from_input
from tracker.services.progress import Progress, unreported
from tracker.store import dependents as dependents_store
from tracker.store import queries
from tracker.store.ledger import Ledger
from tracker.store.rows import contract_row, with_uid
from tracker.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class Dependents:
    tranches: int
    deliveries: int
    retirements: int

    def describe(self) -> str:
        parts = [
            f"{n} {word}{'s' if n != 1 else ''}"
            for n, word in (
                (self.tranches, "tranche"),
                (self.deliveries, "delivery"),
                (self.retirements, "retirement"),
            )
            if n
        ]
        return ", ".join(parts).replace("deliverys", "deliveries") or "nothing"


def resolve_reference(db: Ledger, reference: object, field: str = "contract") -> Contract:
    text = str(reference or "").strip()
    if not text:
        raise ValidationError(field, reference, msg("error.contract_reference_required"))
    found = queries.contract_by_reference(db, text)
    if found is None:
        raise ValidationError(field, text, msg("error.unknown_contract"))
    return found


def _check_reference_free(db: Ledger, reference: str, own_id: int | None) -> None:
    existing = queries.contract_by_reference(db, reference)
    if existing is not None and existing.id != own_id:
        raise ValidationError("reference", reference, msg("error.reference_taken"))


def _check_against_schedule(db: Ledger, contract: Contract) -> None:
    assert contract.id is not None
    tranches = queries.tranches(db, contract.id)
    total = sum(t.tonnes_kg for t in tranches)
    if total > contract.tonnes_kg:
        raise ValidationError(
            "tonnes",
            format_tonnes_grouped(contract.tonnes_kg),
            msg("error.less_than_scheduled", tonnes=Tonnes(total)),
        )
    for t in tranches:
        if not contract.start_on <= t.due_on <= contract.end_on:
            field = "start_on" if t.due_on < contract.start_on else "end_on"
            value = contract.start_on if field == "start_on" else contract.end_on
            raise ValidationError(
                field, value.isoformat(), msg("error.tranche_outside_term", due=Day(str(t.due_on)))
            )


def add_contract(db: Ledger, data: Mapping[str, object]) -> tuple[Contract, ChangeSet]:
    contract = contract_from_input(data)
    with UnitOfWork(db) as uow:
        _check_reference_free(db, contract.reference, None)
        contract_id = uow.insert("contracts", with_uid(contract_row(contract), contract.uid))
    return replace(contract, id=contract_id, uid=uow.last_uid), uow.changes


def update_contract(
    db: Ledger, contract_id: int, data: Mapping[str, object]
) -> tuple[Contract, ChangeSet]:
    contract = replace(contract_from_input(data), id=contract_id)
    with UnitOfWork(db) as uow:
        queries.contract(db, contract_id)
        _check_reference_free(db, contract.reference, contract_id)
        _check_against_schedule(db, contract)
        uow.update("contracts", contract_id, contract_row(contract))
    return contract, uow.changes


def dependents(db: Ledger, contract_id: int) -> Dependents:
    counts = [
        dependents_store.count_of_contract(db, table, contract_id)
        for table in ("tranches", "deliveries", "retirements")
    ]
    return Dependents(*counts)


@dataclass(frozen=True, slots=True)
class Removed:
    """Rows taken out by a delete, in the order to put them back."""

    rows: tuple[tuple[str, dict[str, Any]], ...]


def delete_contract(db: Ledger, contract_id: int) -> tuple[Removed, ChangeSet]:
    """Delete a contract with its tranches, deliveries and retirements."""
    removed: list[tuple[str, dict[str, Any]]] = []
    with UnitOfWork(db) as uow:
        if queries.contract_references(db).get(contract_id) is None:
            raise not_found("contracts", contract_id)
        # deleted child-first; ``Removed`` keeps the reverse order for restoring
        for table in dependents_store.CONTRACT_DEPENDENTS:
            ids = dependents_store.ids_of_contract(db, table, contract_id)
            removed.extend((table, uow.delete(table, i)) for i in ids)
        removed.append(("contracts", uow.delete("contracts", contract_id)))
    return Removed(tuple(reversed(removed))), uow.changes


def restore(db: Ledger, removed: Removed, progress: Progress | None = None) -> ChangeSet:
    """Put back rows taken out by a delete, with their original ids (for undo).  A
    ``progress`` counts them, and its cancel puts none back."""
    progress = progress or unreported()
    progress.total = len(removed.rows)
    with UnitOfWork(db) as uow:
        for table, row in progress.track(removed.rows):
            uow.insert(table, row)
    return uow.changes
