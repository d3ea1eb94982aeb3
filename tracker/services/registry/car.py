"""Climate Action Reserve exports (serials like ``CAR-1-US-1335-…-9205-1 to 5000``)."""

from __future__ import annotations

from tracker.domain.vocab import Registry
from tracker.services.registry.model import RowKind
from tracker.services.registry.us_registries import Columns, issuance_summary_layout, serial_layout

LAYOUTS = (
    serial_layout(
        "car-retirements",
        Registry.CAR,
        RowKind.RETIREMENT,
        Columns(
            serial="Offset Credit Serial Numbers",
            quantity="Quantity of Offset Credits",
            date="Status Effective",
            beneficiary="Retirement Reason Details",
            account="Account Holder",
            reasons=("Retirement Reason", "Retirement Reason Details"),
            project="Project ID",
            marker="Retirement Reason",
        ),
        "CAR retirements",
    ),
    serial_layout(
        "car-cancellations",
        Registry.CAR,
        RowKind.CANCELLATION,
        Columns(
            serial="Offset Credit Serial Numbers",
            quantity="Quantity of Offset Credits",
            date="Status Effective",
            reasons=("Cancellation Reason", "Export Notes"),
            project="Project ID",
            marker="Cancellation Reason",
        ),
        "CAR cancellations",
    ),
    issuance_summary_layout(
        "car-issuances",
        Registry.CAR,
        Columns(
            quantity="Total Offset Credits Issued",
            date="Date Issued",
            project="Project ID",
        ),
        "CAR project issuances",
    ),
)
