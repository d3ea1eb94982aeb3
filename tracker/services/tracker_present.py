"""Is a tracker CSV row already in the ledger?  Compared by meaning, not by text.

A row is parsed the way the import would record it and compared with the stored
records as the export writes them, so ``100,5`` and ``100.500``, an empty ``registry``
and the contract's own registry, or a file saved before a column existed, all find the
record they describe.  Importing a file a second time then adds nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from tracker.domain.errors import ValidationError
from tracker.domain.identity import format_project_ids
from tracker.domain.records import (
    Contract,
    Delivery,
    Invalidation,
    contract_from_input,
    delivery_from_input,
    invalidation_from_input,
    retirement_from_input,
    tranche_from_input,
)
from tracker.domain.serials import SerialBlock, Serials
from tracker.store import lookups, queries
from tracker.store.ledger import Ledger

OPTIONAL_CONTRACT_COLUMNS = ("registry_project_ids",)


def contract_present(existing: Contract, row: Mapping[str, str]) -> bool:
    data = dict(row)
    for column in OPTIONAL_CONTRACT_COLUMNS:
        if column not in data:  # a file written before the column existed
            data[column] = format_project_ids(existing.registry_project_ids)
    try:
        parsed = contract_from_input(data)
    except ValidationError:
        return False
    return _contract_key(parsed) == _contract_key(existing)


def _contract_key(c: Contract) -> tuple[object, ...]:
    return (
        c.reference, c.buyer, c.supplier, c.project, c.method, c.credit_type, c.registry,
        c.tonnes_kg, c.price, c.currency, c.signed_on, c.start_on, c.end_on,
        c.durability_years, c.status, c.notes, tuple(sorted(c.registry_project_ids)),
    )  # fmt: skip


def tranche_present(db: Ledger, contract_id: int, row: Mapping[str, str]) -> bool:
    try:
        wanted = tranche_from_input(row, contract_id)
    except ValidationError:
        return False
    key = (wanted.due_on, wanted.tonnes_kg, wanted.vintage, wanted.price)
    return any(
        (t.due_on, t.tonnes_kg, t.vintage, t.price) == key
        for t in queries.tranches(db, contract_id)
    )


def _same_block(db: Ledger, table: str, contract_id: int, block: Serials | None) -> list[int]:
    """Records of the contract with these serials (a batch: the same id; none: none yet)."""
    return lookups.ids_with_serials(db, table, contract_id, block)


def _serials_key(block: Serials | None) -> object:
    if isinstance(block, SerialBlock):
        return (block.prefix, block.start, block.end)
    return block


def delivery_present(db: Ledger, contract: Contract, row: Mapping[str, str]) -> bool:
    """An empty ``registry`` means the contract's registry, here as when recording."""
    assert contract.id is not None
    try:
        wanted = delivery_from_input(row, contract.id, contract.registry)
    except ValidationError:
        return False
    named = "tranche_due_on" in row  # files written before the column existed lack it
    key = _delivery_key(wanted, named)
    for found in _same_block(db, "deliveries", contract.id, wanted.block):
        if _delivery_key(queries.delivery(db, found), named) == key:
            return True
    return False


def _delivery_key(d: Delivery, with_tranche: bool) -> tuple[object, ...]:
    names = (
        "delivered_on", "tonnes_kg", "vintage", "registry", "verification_status",
        "verifier", "verified_on", "reference", *(("tranche_due_on",) if with_tranche else ()),
    )  # fmt: skip
    return (_serials_key(d.block), *(getattr(d, name) for name in names))


def retirement_present(db: Ledger, contract_id: int, row: Mapping[str, str]) -> bool:
    """With a serial block, the retirement of that block; without one (drawn oldest
    vintage first, perhaps from several blocks), the retirements of the contract with
    the same date, beneficiary, purpose, claim period and registry reference whose
    tonnes add up to the row's."""
    try:
        wanted = retirement_from_input(row, contract_id)
    except ValidationError:
        return False
    same_kind = [
        r
        for r in queries.retirements_on(db, contract_id, wanted.retired_on.isoformat())
        if (r.retired_on, r.beneficiary, r.purpose, r.claim_start, r.claim_end)
        == (wanted.retired_on, wanted.beneficiary, wanted.purpose, wanted.claim_start,
            wanted.claim_end)
        and r.registry_reference == wanted.registry_reference
    ]  # fmt: skip
    if wanted.block is not None:
        return any(
            (_serials_key(r.block), r.tonnes_kg) == (_serials_key(wanted.block), wanted.tonnes_kg)
            for r in same_kind
        )
    return sum(r.tonnes_kg for r in same_kind) == wanted.tonnes_kg and bool(same_kind)


def invalidation_present(db: Ledger, delivery: Delivery, row: Mapping[str, str]) -> bool:
    """The delivery already carries an invalidation with the same date, tonnes, serials,
    reason, registry reference and note."""
    try:
        wanted = invalidation_from_input(row, delivery)
    except ValidationError:
        return False

    def key(i: Invalidation) -> tuple[object, ...]:
        return (
            i.invalidated_on, i.tonnes_kg, _serials_key(i.block), i.reason,
            i.registry_reference, i.note,
        )  # fmt: skip

    return any(key(i) == key(wanted) for i in queries.invalidations(db, delivery_id=delivery.id))
