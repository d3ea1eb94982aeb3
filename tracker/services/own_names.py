"""The buyer's own account and beneficiary names, kept in the ledger's settings.

A registry export lists every buyer's retirements; only those naming one of these
(as beneficiary, owner or account holder) are the buyer's.  Until a list is saved,
the buyer names of the ledger's contracts are used.
"""

from __future__ import annotations

from tracker.domain.changes import ChangeSet
from tracker.domain.identity import parse_own_names
from tracker.store import queries, settings
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import UnitOfWork

OWN_NAMES_SETTING = "own_names"


def stored_own_names(db: Ledger) -> tuple[str, ...]:
    """The saved list ('' until one is saved)."""
    found = settings.value(db, OWN_NAMES_SETTING)
    return parse_own_names(found) if found is not None else ()


def default_own_names(db: Ledger) -> tuple[str, ...]:
    """The buyer names of the ledger's contracts, in order of first use."""
    buyers = queries.buyers(db)
    return parse_own_names("\n".join(buyers))


def own_names(db: Ledger) -> tuple[str, ...]:
    return stored_own_names(db) or default_own_names(db)


def save_own_names(db: Ledger, text: object) -> ChangeSet:
    """Store the names (one a line; empty = the contracts' buyer names) in one transaction."""
    names = parse_own_names(text)
    value = "\n".join(names)
    with UnitOfWork(db) as uow:
        found = settings.stored(db, OWN_NAMES_SETTING)
        if found is None:
            uow.insert("settings", {"key": OWN_NAMES_SETTING, "value": value})
        elif found[1] != value:
            uow.update("settings", found[0], {"value": value})
    return uow.changes
