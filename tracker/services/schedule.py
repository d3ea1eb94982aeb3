"""Delivery schedule: tranches per contract."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import ValidationError
from tracker.domain.messages import Day, Tonnes, msg
from tracker.domain.quantities import format_tonnes_grouped
from tracker.domain.records import Contract, Tranche, tranche_from_input
from tracker.domain.schedule import effective_schedule
from tracker.services.contracts import Removed
from tracker.store import queries
from tracker.store.ledger import Ledger
from tracker.store.rows import tranche_row, with_uid
from tracker.store.unit_of_work import UnitOfWork


def _validate(db: Ledger, contract: Contract, tranche: Tranche) -> None:
    if not contract.start_on <= tranche.due_on <= contract.end_on:
        raise ValidationError(
            "due_on",
            tranche.due_on.isoformat(),
            msg(
                "error.due_outside_term",
                start=Day(str(contract.start_on)),
                end=Day(str(contract.end_on)),
            ),
        )
    others = sum(t.tonnes_kg for t in queries.tranches(db, contract.id) if t.id != tranche.id)
    if others + tranche.tonnes_kg > contract.tonnes_kg:
        room = contract.tonnes_kg - others
        raise ValidationError(
            "tonnes",
            format_tonnes_grouped(tranche.tonnes_kg),
            msg(
                "error.more_than_contract",
                contracted=Tonnes(contract.tonnes_kg),
                room=Tonnes(room),
            ),
        )


def add_tranche(
    db: Ledger, contract_id: int, data: Mapping[str, object]
) -> tuple[Tranche, ChangeSet]:
    contract = queries.contract(db, contract_id)
    tranche = tranche_from_input(data, contract_id)
    with UnitOfWork(db) as uow:
        _validate(db, contract, tranche)
        tranche_id = uow.insert("tranches", with_uid(tranche_row(tranche), tranche.uid))
    return replace(tranche, id=tranche_id, uid=uow.last_uid), uow.changes


def update_tranche(
    db: Ledger, tranche_id: int, data: Mapping[str, object]
) -> tuple[Tranche, ChangeSet]:
    current = queries.tranche(db, tranche_id)
    contract = queries.contract(db, current.contract_id)
    tranche = replace(tranche_from_input(data, contract.id or 0), id=tranche_id)
    with UnitOfWork(db) as uow:
        _validate(db, contract, tranche)
        uow.update("tranches", tranche_id, tranche_row(tranche))
    return tranche, uow.changes


def delete_tranche(db: Ledger, tranche_id: int) -> tuple[Removed, ChangeSet]:
    with UnitOfWork(db) as uow:
        row = uow.delete("tranches", tranche_id)
    return Removed((("tranches", row),)), uow.changes


def schedule_for(db: Ledger, contract_id: int) -> list[Tranche]:
    """The contract's tranches, or its even schedule when it has none (``derived``)."""
    return effective_schedule(queries.contract(db, contract_id), queries.tranches(db, contract_id))
