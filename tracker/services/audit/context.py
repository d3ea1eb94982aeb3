"""What every audit rule needs: the date, the thresholds and helpers to build a flag."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.flags import Flag, Severity, Wording
from tracker.domain.folded_allocation import Mismatches
from tracker.domain.fulfilment import Fulfilment
from tracker.domain.messages import Day, Message, Tonnes, msg
from tracker.domain.records import Contract
from tracker.services.audit.settings import Thresholds
from tracker.services.fulfilment import by_reference, folded_fulfilments
from tracker.services.summary import ContractSummary, portfolio_summary
from tracker.store import rule_inputs
from tracker.store.ledger import Ledger
from tracker.store.serial_scope import SerialScope


@dataclass(frozen=True, slots=True)
class RuleContext:
    db: Ledger
    as_of: dt.date
    thresholds: Thresholds
    contracts: frozenset[int] | None = None  # the contracts to evaluate (None: every one)
    serials: SerialScope | None = None  # the serial partitions to evaluate (None: all)
    _shared: dict[str, Any] = field(default_factory=dict)

    def fulfilment(self) -> dict[int, tuple[Contract, Fulfilment]]:
        """Tranche allocation as of the date, computed once for all the rules that read it,
        by contract in reference order.  Computed a contract at a time and kept folded
        (each tranche's parts in one: the same figures, no delivery named), so the rules
        never hold a million deliveries' parts; what the rules need of single deliveries
        is taken on the way (``vintage_mismatches``)."""
        if "fulfilment" not in self._shared:
            kept: list[tuple[Contract, Fulfilment]] = []
            mismatched: list[tuple[str, int, list[int]]] = []
            for contract, filled, mismatches in self._fulfilments():
                kept.append((contract, filled))
                mismatched.extend((contract.reference, d, w) for d, w in mismatches)
            mismatched.sort(key=lambda found: found[0])  # stable: by delivery within a contract
            self._shared["fulfilment"] = by_reference(kept)
            self._shared["vintage_mismatches"] = mismatched
        found: dict[int, tuple[Contract, Fulfilment]] = self._shared["fulfilment"]
        return found

    def _fulfilments(self) -> Iterator[tuple[Contract, Fulfilment, Mismatches]]:
        if self.contracts is None:
            yield from folded_fulfilments(self.db, self.as_of)
            return
        for contract_id in sorted(self.contracts):
            yield from folded_fulfilments(self.db, self.as_of, contract_id)

    def vintage_mismatches(self) -> list[tuple[str, int, list[int]]]:
        """(contract reference, delivery id, vintages wanted) of every delivery filling a
        stored tranche of another vintage, by contract reference and delivery id."""
        self.fulfilment()
        found: list[tuple[str, int, list[int]]] = self._shared["vintage_mismatches"]
        return found

    def summary(self) -> list[ContractSummary]:
        """The portfolio summary as of the date, computed once for the rules that read it
        (from the shared allocation, which the schedule rules need anyway)."""
        if "summary" not in self._shared:
            allocations = self.fulfilment()
            self._shared["summary"] = (
                portfolio_summary(self.db, self.as_of, allocations=allocations)
                if self.contracts is None
                else [
                    s
                    for contract_id in sorted(self.contracts)
                    for s in portfolio_summary(self.db, self.as_of, contract_id, allocations)
                ]
            )
        summary: list[ContractSummary] = self._shared["summary"]
        return summary

    def retirements_flagged(self, finding: str) -> Iterator[dict[str, Any]]:
        """The retirements showing ``finding`` (one of
        ``rule_inputs.RETIREMENT_FINDINGS``), by id: read once for all the retirement
        rules."""
        if "retirements" not in self._shared:
            self._shared["retirements"] = list(
                rule_inputs.retirement_findings(
                    self.db, self.as_of, self.thresholds.vintage_age_years,
                    self.thresholds.claim_lag_months, self.contracts,
                )
            )  # fmt: skip
        found: list[dict[str, Any]] = self._shared["retirements"]
        return (row for row in found if row[finding])

    @property
    def day(self) -> str:
        return self.as_of.isoformat()


def delivery_subject(block: str | None, reference: str = "", delivered_on: str = "") -> Message:
    """A delivery named: its serials, else (serials pending) its reference and date."""
    if block:
        return msg("subject.delivery", block=block)
    if reference:
        return msg("subject.delivery_pending_ref", reference=reference, day=Day(delivered_on))
    return msg("subject.delivery_pending", day=Day(delivered_on))


def subject_of_delivery(row: dict[str, Any]) -> Message:
    """``delivery_subject`` for a query row with serial_block, reference and delivered_on."""
    return delivery_subject(
        row.get("serial_block"), row.get("reference") or "", row.get("delivered_on") or ""
    )


def retirement_subject(block: str | None, retired_on: str, tonnes_kg: int = 0) -> Message:
    if block:
        return msg("subject.retirement", block=block, day=Day(retired_on))
    return msg("subject.retirement_pending", tonnes=Tonnes(tonnes_kg), day=Day(retired_on))


def flag(
    rule: str,
    severity: Severity,
    row: dict[str, Any],
    topic: Message,
    finding: Message,
    table: str | None,
    record_id: int | None,
    *evidence: object,
    part: str = "",
) -> Flag:
    """Build a flag from a query row carrying ``contract_id`` and ``contract``."""
    return Flag(
        rule=rule,
        severity=severity,
        contract_id=row.get("contract_id"),
        contract=sys.intern(row.get("contract") or ""),  # one text per contract, not per flag
        topic=topic,
        finding=finding,
        subject_table=table,
        subject_id=record_id,
        evidence=evidence_text(*evidence),  # mostly a few values
        part=part,
    )


def evidence_text(*values: object) -> str:
    """A flag's evidence as it is kept: its values joined by ``|``, held once however
    many flags quote it."""
    return sys.intern("|".join(map(str, values)))


def flag_worded_later(
    rule: str,
    severity: Severity,
    contract: tuple[int | None, str | None],
    record: tuple[str | None, int | None],
    evidence: str,
    wording: Wording,
    *values: object,
    part: str = "",
) -> Flag:
    """``flag``, its subject and finding ``wording(*values)``, built when read (the rules
    that find flags by the ten thousand: their messages were most of their cost).
    ``contract`` is the contract's id and reference, ``record`` the table and id of the
    record flagged, ``evidence`` the ``evidence_text`` of the numbers it quotes (a rule
    words each of its few evidences once, not once a flag)."""
    contract_id, reference = contract
    table, record_id = record
    return Flag.worded_later(
        rule,
        severity,
        contract_id,
        sys.intern(reference or ""),  # one text per contract, not per flag
        table,
        record_id,
        evidence,
        part,
        wording,
        *values,
    )
