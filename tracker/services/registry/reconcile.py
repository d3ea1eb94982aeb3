"""Reconciliation: a registry export against the ledger, as audit flags.

* ``REGISTRY_MISMATCH`` -- the same serial block differs in quantity, status (retired,
  cancelled or active) or beneficiary.
* ``MISSING_LOCALLY`` -- the registry lists a block (or an Isometric retirement id) the
  ledger does not hold.
* ``MISSING_IN_REGISTRY`` -- a ledger delivery or retirement of the file's registry,
  dated within the file's date range, that no row of the file covers.  Deliveries are
  checked only when the file lists deliveries, retirements only when it lists
  retirements.

Only the buyer's rows are compared (see ``attribution``): other buyers' retirements and
rows of projects no contract carries are counted and left out.  Nothing is written.
``contract`` narrows the ledger side to one contract.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tracker.domain.errors import ImportRefused, RowError, ValidationError
from tracker.domain.flags import Flag, Severity
from tracker.domain.messages import Day, Message, Tonnes, msg, render
from tracker.domain.records import Contract
from tracker.domain.serials import SerialBlock, SerialCover, parse_serial_block
from tracker.services.contracts import resolve_reference
from tracker.services.progress import Progress, unreported
from tracker.services.registry.attribution import (
    NO_CONTRACT,
    OTHER_BUYER,
    compared_verdict,
    load_portfolio,
    ranked,
)
from tracker.services.registry.detect import detect_layout
from tracker.services.registry.importer import read_file
from tracker.services.registry.model import RegistryRow, RowKind
from tracker.services.registry.outcome import named_counts
from tracker.services.registry.text import read_table
from tracker.store import queries, reconcile_reads
from tracker.store.ledger import Ledger
from tracker.store.reconcile_reads import Local

MISMATCH = "REGISTRY_MISMATCH"
MISSING_LOCALLY = "MISSING_LOCALLY"
MISSING_IN_REGISTRY = "MISSING_IN_REGISTRY"


@dataclass(frozen=True, slots=True)
class ReconcileResult:
    source: str
    layout: str
    rows: int
    flags: tuple[Flag, ...]
    # Rows left out as not the buyer's: (other buyer or project, rows), most rows first.
    other_buyers: tuple[tuple[str, int], ...] = ()
    no_contract: tuple[tuple[str, int], ...] = ()

    def describe_skipped(self) -> str:
        return "; ".join(
            f"{sum(n for _, n in found):,} row(s) {what}: {named_counts(found)}"
            for what, found in (
                ("belong to other buyers", self.other_buyers),
                ("name a project no contract carries", self.no_contract),
            )
            if found
        )


def reconcile_file(
    db: Ledger,
    path: Path | str,
    registry: str = "auto",
    contract: str | None = None,
    progress: Progress | None = None,
) -> ReconcileResult:
    """Compare the registry export at ``path`` with the ledger.  ``progress`` (a window's)
    counts the file's rows twice, once to attribute and once to compare, and a cancel
    stops the work with ``Cancelled``."""
    progress = progress or unreported()
    source, data = read_file(path)
    table = read_table(source, data)
    layout = detect_layout(table, registry)
    if layout.registry is None:
        why = msg("error.tracker_file_not_export")
        raise ImportRefused(source, [RowError(1, "header", render(why), why)])
    scope = resolve_reference(db, contract, "--contract") if contract else None
    rows: list[RegistryRow] = []
    errors: list[RowError] = []
    for line, cells in progress.track(table.rows()):
        try:
            rows.append(layout.parse(line, cells, table.decimal_comma))
        except ValidationError as exc:
            errors.append(RowError(line, exc.field, exc.reason, exc.reason_message))
    if errors:
        raise ImportRefused(source, errors)
    portfolio = load_portfolio(db, scope)
    progress.done, progress.total = 0, 2 * len(rows)
    mine, skipped = [], {OTHER_BUYER: Counter[str](), NO_CONTRACT: Counter[str]()}
    for row in progress.track(rows):
        verdict = compared_verdict(db, row, portfolio)
        if verdict.skip in skipped:
            skipped[verdict.skip][verdict.party] += 1
        elif not verdict.skip:
            mine.append(row)
    checker = _Checker(db, scope)
    flags = checker.compare(progress.track(mine))
    progress.advance(len(rows) - len(mine))
    flags += checker.missing_in_registry(rows, layout.registry.value)
    return ReconcileResult(
        source,
        layout.label,
        len(rows),
        tuple(flags),
        ranked(skipped[OTHER_BUYER]),
        ranked(skipped[NO_CONTRACT]),
    )


_MISSING_CODES = {
    RowKind.DELIVERY: "registry.missing_delivery",
    RowKind.RETIREMENT: "registry.missing_retirement",
    RowKind.CANCELLATION: "registry.missing_cancellation",
}
_NOT_LISTED_CODES = {
    RowKind.DELIVERY: ("subject.delivery", "registry.delivery_not_listed"),
    RowKind.RETIREMENT: ("subject.retirement_block", "registry.retirement_not_listed"),
}


def _same_person(a: str, b: str) -> bool:
    x, y = " ".join(a.casefold().split()), " ".join(b.casefold().split())
    return not x or not y or x in y or y in x


class _Checker:
    def __init__(self, db: Ledger, scope: Contract | None) -> None:
        self.db = db
        self.scope = scope
        self.refs = queries.contract_references(db)

    def _flag(
        self,
        rule: str,
        severity: Severity,
        local: Local | None,
        topic: Message,
        finding: Message,
        evidence: str,
        part: str,
    ) -> Flag:
        """A finding about ``local`` (a ledger record), or about a registry row the
        ledger lacks; ``part`` tells apart the findings of one rule on one record: the
        registry block or reference compared, and what differs."""
        contract_id = local.contract_id if local else (self.scope.id if self.scope else None)
        return Flag(
            rule=rule,
            severity=severity,
            contract_id=contract_id,
            contract=self.refs.get(contract_id, "") if contract_id else "",
            topic=topic,
            finding=finding,
            subject_table=local.table if local else None,
            subject_id=local.id if local else None,
            evidence=evidence,
            part=part,
        )

    def compare(self, rows: Iterable[RegistryRow]) -> list[Flag]:
        flags: list[Flag] = []
        for row in rows:
            if row.kind in (RowKind.ISSUANCE_SUMMARY, RowKind.TRACKER):
                continue
            if not row.serial_block:
                flags += self._by_reference(row)
                continue
            block = parse_serial_block(row.serial_block)
            flags += self._by_block(row, block)
        return flags

    def _by_block(self, row: RegistryRow, block: SerialBlock) -> list[Flag]:
        delivered = reconcile_reads.overlapping(self.db, self.refs, self.scope, "deliveries", block)
        retired = reconcile_reads.overlapping(self.db, self.refs, self.scope, "retirements", block)
        subject = msg("subject.registry_row", line=row.line, block=row.serial_block)
        day = Day(str(row.date))
        registry_kg = Tonnes(row.tonnes_kg)
        block_text = row.serial_block
        if row.kind is RowKind.CANCELLATION:
            return [
                self._flag(
                    MISMATCH,
                    Severity.CRITICAL,
                    d,
                    subject,
                    msg("registry.cancelled", day=day, block=d.block.text),
                    f"cancelled|{d.block.text}",
                    f"{block_text}|cancelled",
                )
                for d in delivered
            ]
        if not delivered and not retired:
            return [
                self._flag(
                    MISSING_LOCALLY,
                    Severity.HIGH,
                    None,
                    subject,
                    msg(_MISSING_CODES[row.kind], tonnes=registry_kg, day=day),
                    f"{row.kind.value}|{row.tonnes_kg}",
                    block_text,
                )
            ]
        flags: list[Flag] = []
        same = retired if row.kind is RowKind.RETIREMENT else delivered
        exact = [x for x in same if (x.block.start, x.block.end) == (block.start, block.end)]
        if row.kind is RowKind.RETIREMENT and not retired:
            d = delivered[0]
            flags.append(
                self._flag(
                    MISMATCH,
                    Severity.CRITICAL,
                    d,
                    subject,
                    msg("registry.retired_not_in_ledger", day=day, block=d.block.text),
                    f"status|retired|{d.block.text}",
                    f"{block_text}|status",
                )
            )
            return flags
        if row.kind is RowKind.DELIVERY and retired:
            r = retired[0]
            flags.append(
                self._flag(
                    MISMATCH,
                    Severity.CRITICAL,
                    r,
                    subject,
                    msg(
                        "registry.active_but_retired",
                        block=r.block.text,
                        day=Day(r.day.isoformat()),
                    ),
                    f"status|active|{r.block.text}",
                    f"{block_text}|status",
                )
            )
        if exact:
            local = exact[0]
            if local.tonnes_kg != row.tonnes_kg:
                flags.append(
                    self._flag(
                        MISMATCH,
                        Severity.CRITICAL,
                        local,
                        subject,
                        msg(
                            "registry.quantity",
                            registry=registry_kg,
                            ledger=Tonnes(local.tonnes_kg),
                        ),
                        f"qty|{row.tonnes_kg}|{local.tonnes_kg}",
                        f"{block_text}|quantity",
                    )
                )
            if row.kind is RowKind.RETIREMENT and not _same_person(
                row.beneficiary, local.beneficiary
            ):
                flags.append(
                    self._flag(
                        MISMATCH,
                        Severity.CRITICAL,
                        local,
                        subject,
                        msg(
                            "registry.beneficiary",
                            registry=row.beneficiary,
                            ledger=local.beneficiary,
                        ),
                        f"beneficiary|{row.beneficiary}|{local.beneficiary}",
                        f"{block_text}|beneficiary",
                    )
                )
        elif same:
            local = same[0]
            flags.append(
                self._flag(
                    MISMATCH,
                    Severity.CRITICAL,
                    local,
                    subject,
                    msg(
                        "registry.quantity_overlap",
                        registry=registry_kg,
                        block=local.block.text,
                        ledger=Tonnes(local.tonnes_kg),
                    ),
                    f"qty|{row.tonnes_kg}|{local.block.text}",
                    f"{block_text}|quantity",
                )
            )
        return flags

    def _by_reference(self, row: RegistryRow) -> list[Flag]:
        if row.kind is not RowKind.RETIREMENT or not row.reference:
            return []
        found = reconcile_reads.retirements_with_reference(
            self.db, self.refs, self.scope, row.reference
        )
        subject = msg("subject.registry_retirement", reference=row.reference)
        registry_kg = Tonnes(row.tonnes_kg)
        if not found:
            facts: dict[str, object] = {"tonnes": registry_kg, "day": Day(str(row.date))}
            if row.beneficiary:
                finding = msg("registry.missing_reference", beneficiary=row.beneficiary, **facts)
            else:
                finding = msg("registry.missing_reference_unnamed", **facts)
            return [
                self._flag(
                    MISSING_LOCALLY,
                    Severity.HIGH,
                    None,
                    subject,
                    finding,
                    f"retirement|{row.tonnes_kg}",
                    row.reference,
                )
            ]
        flags = []
        local_kg = sum(x.tonnes_kg for x in found)
        if local_kg != row.tonnes_kg:
            flags.append(
                self._flag(
                    MISMATCH,
                    Severity.CRITICAL,
                    found[0],
                    subject,
                    msg("registry.quantity", registry=registry_kg, ledger=Tonnes(local_kg)),
                    f"qty|{row.tonnes_kg}|{local_kg}",
                    f"{row.reference}|quantity",
                )
            )
        if not _same_person(row.beneficiary, found[0].beneficiary):
            flags.append(
                self._flag(
                    MISMATCH,
                    Severity.CRITICAL,
                    found[0],
                    subject,
                    msg(
                        "registry.beneficiary",
                        registry=row.beneficiary,
                        ledger=found[0].beneficiary,
                    ),
                    f"beneficiary|{row.beneficiary}",
                    f"{row.reference}|beneficiary",
                )
            )
        return flags

    def missing_in_registry(self, rows: list[RegistryRow], registry: str) -> list[Flag]:
        flags: list[Flag] = []
        in_file = SerialCover(parse_serial_block(r.serial_block) for r in rows if r.serial_block)
        references = {r.reference for r in rows if r.reference}
        for kind, table in ((RowKind.DELIVERY, "deliveries"), (RowKind.RETIREMENT, "retirements")):
            subject_code, finding_code = _NOT_LISTED_CODES[kind]
            listed = [r for r in rows if r.kind is kind and r.date]
            if not listed:
                continue
            first = min(r.date for r in listed if r.date)
            last = max(r.date for r in listed if r.date)
            local = reconcile_reads.of_registry_between(
                self.db, self.refs, self.scope, table, registry, first, last
            )
            for x in local:
                if in_file.overlaps(x.block) or (x.reference and x.reference in references):
                    continue
                flags.append(
                    self._flag(
                        MISSING_IN_REGISTRY,
                        Severity.HIGH,
                        x,
                        msg(subject_code, block=x.block.text),
                        msg(
                            finding_code,
                            tonnes=Tonnes(x.tonnes_kg),
                            day=Day(x.day.isoformat()),
                            first=Day(first.isoformat()),
                            last=Day(last.isoformat()),
                        ),
                        f"{table}|{x.tonnes_kg}",
                        "",
                    )
                )
        return flags
