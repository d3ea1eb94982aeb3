"""The tracker's own CSV format, export side: each record kind's line, in the columns of
``tracker_csv_columns``; deliveries streamed with their cells written by SQLite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from functools import partial

from tracker.domain.dates import iso
from tracker.domain.errors import TrackerError
from tracker.domain.identity import format_project_ids
from tracker.domain.quantities import format_cents, format_price, format_tonnes_short
from tracker.domain.records import Contract, Delivery, Invalidation, Retirement, Tranche
from tracker.domain.serials import serials_text
from tracker.services.csv_safe import Number, PreparedRows, joined_lines
from tracker.services.summary import ContractSummary, Totals, portfolio_summary
from tracker.services.tracker_csv_columns import EXPORT_KINDS
from tracker.store import csv_rows, queries
from tracker.store.ledger import Ledger


def _t(kg: int) -> Number:
    return Number(format_tonnes_short(kg))


def _opt(value: object) -> object:
    return "" if value is None else Number(str(value)) if isinstance(value, int) else value


def export_rows(
    db: Ledger,
    kind: str,
    contract_id: int | None = None,
    as_of: dt.date | None = None,
) -> Iterable[Sequence[object]]:
    if kind == "deliveries":
        return delivery_lines(db, contract_id)
    return _record_rows(db, kind, contract_id, as_of)


def _record_rows(
    db: Ledger,
    kind: str,
    contract_id: int | None = None,
    as_of: dt.date | None = None,
) -> Iterator[list[object]]:
    refs = queries.contract_references(db)
    if kind == "contracts":
        for c in queries.contracts(db):
            if contract_id and c.id != contract_id:
                continue
            yield contract_line(c)
    elif kind == "schedule":
        for t in queries.tranches(db, contract_id):
            yield tranche_line(t, refs[t.contract_id])
    elif kind == "retirements":
        for r in queries.retirements(db, contract_id):
            yield retirement_line(r, refs[r.contract_id])
    elif kind == "invalidations":
        for i in queries.invalidations(db, contract_id):
            yield invalidation_line(i, refs[i.contract_id], queries.delivery(db, i.delivery_id))
    elif kind == "summary":
        for s in portfolio_summary(db, as_of or dt.date.today(), contract_id):
            yield summary_line(s)
    else:
        raise TrackerError(f"unknown export {kind!r}; choose one of {', '.join(EXPORT_KINDS)}")


def summary_line(s: ContractSummary | Totals) -> list[object]:
    """One summary row: a contract's figures, or a currency's TOTAL row."""
    if isinstance(s, Totals):
        head: list[object] = ["TOTAL", f"{s.contracts} contract(s)", "", ""]
        price: object = ""
    else:
        head = [s.reference, s.supplier, s.project, s.method]
        price = Number(format_price(s.price))
    return [
        *head,
        _t(s.contracted_kg),
        _t(s.scheduled_to_date_kg),
        _t(s.delivered_kg),
        _t(s.verified_kg),
        _t(s.rejected_kg),
        _t(s.invalidated_kg),
        _t(s.retired_kg),
        _t(s.available_kg),
        _t(s.undelivered_kg),
        Number(s.delivered_pct),
        price,
        s.currency,
        Number(format_cents(s.delivered_value_cents)),
    ]


def contract_line(c: Contract) -> list[object]:
    return [
        c.reference,
        c.buyer,
        c.supplier,
        c.project,
        c.method.value,
        c.credit_type.value,
        c.registry.value,
        _t(c.tonnes_kg),
        Number(format_price(c.price)),
        c.currency,
        iso(c.signed_on),
        iso(c.start_on),
        iso(c.end_on),
        _opt(c.durability_years),
        c.status.value,
        c.notes,
        format_project_ids(c.registry_project_ids),
        c.uid or "",
    ]


def tranche_line(t: Tranche, reference: str) -> list[object]:
    return [
        reference,
        iso(t.due_on),
        _t(t.tonnes_kg),
        _opt(t.vintage),
        Number(format_price(t.price)) if t.price is not None else "",
        t.uid or "",
    ]


def delivery_line(d: Delivery, reference: str) -> list[object]:
    return [
        reference,
        iso(d.delivered_on),
        _t(d.tonnes_kg),
        _opt(d.vintage),
        d.registry.value,
        serials_text(d.block),
        d.verification_status.value,
        d.verifier,
        iso(d.verified_on),
        d.reference,
        iso(d.tranche_due_on),
        d.uid or "",
    ]


def delivery_lines(
    db: Ledger,
    contract_id: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> PreparedRows:
    """Every delivery's export line, streamed in chunks: SQLite joins each row's cells
    as stored (``store.csv_rows``), a chunk's text is checked at once and the rare row
    needing quotes or neutralising is written from its final cells
    (``csv_safe.joined_lines``).  A million deliveries never become a million objects,
    nor twelve million cells."""
    chunks = csv_rows.delivery_line_chunks(
        db, contract_id, iso(date_from) or None, iso(date_to) or None
    )
    cells = len(csv_rows.DELIVERY_CELLS)
    rows_of = partial(csv_rows.delivery_cells, db)
    return PreparedRows(joined_lines(chunk, cells, rows_of) for chunk in chunks)


def retirement_line(r: Retirement, reference: str) -> list[object]:
    return [
        reference,
        iso(r.retired_on),
        _t(r.tonnes_kg),
        serials_text(r.block),
        r.beneficiary,
        r.purpose.value,
        iso(r.claim_start),
        iso(r.claim_end),
        r.registry_reference,
        r.uid or "",
    ]


def invalidation_line(i: Invalidation, reference: str, delivery: Delivery) -> list[object]:
    return [
        reference,
        serials_text(delivery.block) or delivery.reference,
        iso(i.invalidated_on),
        _t(i.tonnes_kg),
        serials_text(i.block),
        i.reason.value,
        i.registry_reference,
        i.note,
        i.uid or "",
    ]
