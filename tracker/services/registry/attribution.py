"""Which contract a registry row belongs to, if any: attribution, not assumption.

A registry export lists every buyer's credits.  A row is the buyer's only when

- (retirements) its beneficiary, owner or account holder is one of the buyer's own
  names, or its serial block lies in one of the buyer's deliveries; otherwise it is an
  *other buyer's row*: skipped, counted by name, never imported or flagged;
- its registry and project id are a contract's (``Contract.registry_project_ids``).
  When several contracts carry the project, the serial block or the vintage decides.

``--contract`` narrows the file to one contract; it never overrides a project that
contract does not carry.  A contract without any project ids takes rows only when it
is named with ``--contract`` (the ledgers of earlier versions have none).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.domain.errors import ValidationError
from tracker.domain.identity import is_own_name, project_key
from tracker.domain.messages import Message, msg
from tracker.domain.records import Contract
from tracker.domain.serials import parse_serials
from tracker.domain.vocab import BATCH_REGISTRIES
from tracker.services.own_names import own_names
from tracker.services.registry.model import RegistryRow, RowKind
from tracker.store import lookups, queries
from tracker.store.ledger import Ledger

OTHER_BUYER = "other-buyer"
NO_CONTRACT = "no-contract"
OTHER_CONTRACT = "other-contract"
UNNAMED = "(no name given)"


@dataclass(frozen=True, slots=True)
class Portfolio:
    """What attribution compares rows with, read once per import."""

    contracts: tuple[Contract, ...]
    own_names: tuple[str, ...]
    given: Contract | None
    vintages: dict[int, frozenset[int]]  # contract id -> vintages its tranches schedule


def load_portfolio(db: Ledger, given: Contract | None) -> Portfolio:
    contracts = tuple(queries.contracts(db))
    return Portfolio(contracts, own_names(db), given, lookups.tranche_vintages(db))


@dataclass(frozen=True, slots=True)
class Verdict:
    """The contract a row goes to (None: let the serial block decide), or why it is
    skipped: ``skip`` is a category above, ``party`` the other buyer's name."""

    contract: Contract | None = None
    skip: str = ""
    party: str = ""
    reason: Message | None = None


def _holder(db: Ledger, row: RegistryRow) -> int | None:
    """The contract whose delivery holds the row's serial block, if one does."""
    if not row.serial_block:
        return None
    try:
        block = parse_serials(row.serial_block, batches=row.registry in BATCH_REGISTRIES)
    except ValidationError:
        return None
    if block is None:
        return None
    found = queries.deliveries_containing(db, block)
    return found[0]["contract_id"] if found else None


def attribute(db: Ledger, row: RegistryRow, portfolio: Portfolio) -> Verdict:
    holder = _holder(db, row)
    mine = any(is_own_name(n, portfolio.own_names) for n in row.names)
    if row.kind is RowKind.RETIREMENT and holder is None and not mine:
        party = row.beneficiary or row.account or UNNAMED
        return Verdict(
            skip=OTHER_BUYER,
            party=party,
            reason=msg("error.skip_other_buyer", party=party),
        )
    if holder is None:
        return _by_project(row, portfolio)
    given = portfolio.given
    if given is not None and given.id != holder:
        held_by = next((c.reference for c in portfolio.contracts if c.id == holder), "")
        return Verdict(
            skip=OTHER_CONTRACT,
            party=held_by,
            reason=msg(
                "error.skip_block_of_other_contract", other=held_by, contract=given.reference
            ),
        )
    return Verdict(given)  # the delivery holding the block decides


def _carries(contract: Contract, row: RegistryRow) -> bool:
    key = project_key(row.project)
    return contract.registry is row.registry and any(
        project_key(p) == key for p in contract.registry_project_ids
    )


def _by_project(row: RegistryRow, portfolio: Portfolio) -> Verdict:
    given = portfolio.given
    project = row.project or "(none)"
    candidates = [c for c in portfolio.contracts if row.project and _carries(c, row)]
    if not candidates:
        if given is not None and not given.registry_project_ids:
            return Verdict(given)  # no ids to compare: taken on --contract's word
        if given is not None:
            ids = ", ".join(given.registry_project_ids)
            return Verdict(
                skip=NO_CONTRACT,
                party=project,
                reason=msg(
                    "error.skip_project_not_of_contract",
                    project=project,
                    contract=given.reference,
                    ids=ids,
                ),
            )
        return Verdict(
            skip=NO_CONTRACT,
            party=project,
            reason=msg(
                "error.skip_project_of_no_contract", project=project, registry=row.registry.value
            ),
        )
    if given is not None:
        if any(c.id == given.id for c in candidates):
            return Verdict(given)
        return Verdict(
            skip=OTHER_CONTRACT,
            party=candidates[0].reference,
            reason=msg(
                "error.skip_project_of_other_contract",
                project=project,
                contracts=_and([c.reference for c in candidates]),
                contract=given.reference,
            ),
        )
    if len(candidates) > 1 and row.vintage is not None:
        by_vintage = [c for c in candidates if _has_vintage(c, row.vintage, portfolio)]
        candidates = by_vintage or candidates
    if len(candidates) == 1:
        return Verdict(candidates[0])
    raise ValidationError(
        "contract",
        None,
        msg(
            "error.project_of_several_contracts",
            project=project,
            contracts=_and([c.reference for c in candidates]),
        ),
    )


def _has_vintage(contract: Contract, vintage: int, portfolio: Portfolio) -> bool:
    assert contract.id is not None
    scheduled = portfolio.vintages.get(contract.id)
    if scheduled:
        return vintage in scheduled
    return contract.start_on.year <= vintage <= contract.end_on.year


def _and(names: Sequence[str]) -> str | Message:
    """'A, B and C' ('A、B 和 C' in Chinese), as a message the window words in its
    language."""
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return msg("error.and", first=names[0], last=names[1])
    return msg("error.list", first=names[0], rest=_and(names[1:]))


def compared_verdict(db: Ledger, row: RegistryRow, portfolio: Portfolio) -> Verdict:
    """Reconciliation compares only the buyer's rows.  A row several contracts share is
    compared, and so is every row of a registry for which no contract records project
    ids yet (nothing to tell the buyer's projects by)."""
    if row.kind not in (RowKind.DELIVERY, RowKind.RETIREMENT):
        return Verdict()
    try:
        verdict = attribute(db, row, portfolio)
    except ValidationError:
        return Verdict()
    if verdict.skip == NO_CONTRACT and not any(
        c.registry_project_ids for c in portfolio.contracts if c.registry is row.registry
    ):
        return Verdict()
    return verdict


def ranked(found: Counter[str]) -> tuple[tuple[str, int], ...]:
    """(name, rows), most rows first."""
    return tuple(sorted(found.items(), key=lambda item: (-item[1], item[0].casefold())))
