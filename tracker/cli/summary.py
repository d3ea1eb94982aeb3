"""`carbon-tracker summary`: the portfolio as a readable terminal table."""

from __future__ import annotations

import datetime as dt

from tracker.cli.table import render
from tracker.domain.quantities import format_cents, format_tonnes_grouped
from tracker.domain.vocab import METHOD_LABELS
from tracker.services.summary import portfolio_summary, totals_by_currency
from tracker.store.ledger import Ledger

HEADER = (
    "Contract", "Supplier", "Method", "Contracted t", "Due to date t", "Delivered t",
    "Verified t", "Rejected t", "Invalidated t", "Retired t", "Available t", "Undelivered t",
    "Delivered", "Value delivered",
)  # fmt: skip
NOTE = (
    "Delivered counts accepted tonnes only: rejected deliveries (failed verification) and "
    "tonnes the registry invalidated are left out.\nAvailable = held and not retired, of "
    "which {pending} t still awaits verification."
)


def _t(kg: int) -> str:
    return format_tonnes_grouped(kg)


def _method(code: str) -> str:
    """The method in words (English: the command line is not translated)."""
    return next((label for m, label in METHOD_LABELS.items() if m.value == code), code)


def summary_text(db: Ledger, as_of: dt.date) -> str:
    summaries = portfolio_summary(db, as_of)
    if not summaries:
        return f"Portfolio as of {as_of}: no contracts yet (try `carbon-tracker demo`)."
    rows = [
        [s.reference, s.supplier, _method(s.method), _t(s.contracted_kg),
         _t(s.scheduled_to_date_kg), _t(s.delivered_kg), _t(s.verified_kg), _t(s.rejected_kg),
         _t(s.invalidated_kg),
         _t(s.retired_kg), _t(s.available_kg),
         _t(s.undelivered_kg), f"{s.delivered_pct} %",
         f"{format_cents(s.delivered_value_cents, grouped=True)} {s.currency}"]
        for s in summaries
    ]  # fmt: skip
    for t in totals_by_currency(summaries):
        rows.append(
            [f"TOTAL {t.currency}", f"{t.contracts} contract{'' if t.contracts == 1 else 's'}",
             "", _t(t.contracted_kg),
             _t(t.scheduled_to_date_kg), _t(t.delivered_kg), _t(t.verified_kg),
             _t(t.rejected_kg), _t(t.invalidated_kg), _t(t.retired_kg), _t(t.available_kg),
             _t(t.undelivered_kg),
             f"{t.delivered_pct} %",
             f"{format_cents(t.delivered_value_cents, grouped=True)} {t.currency}"]
        )  # fmt: skip
    table = render(HEADER, rows, right=set(range(3, len(HEADER))))
    pending = _t(sum(s.available_pending_kg for s in summaries))
    return f"Portfolio as of {as_of} (tonnes of CO2e)\n\n{table}\n\n{NOTE.format(pending=pending)}"
