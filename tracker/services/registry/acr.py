"""American Carbon Registry exports (serials like ``ACR-FR-1129-2025-2917-30932 to 35143``)."""

from __future__ import annotations

from tracker.domain.vocab import Registry
from tracker.services.registry.model import RowKind
from tracker.services.registry.us_registries import Columns, issuance_summary_layout, serial_layout

LAYOUTS = (
    serial_layout(
        "acr-retirements",
        Registry.ACR,
        RowKind.RETIREMENT,
        Columns(
            serial="Credit Serial Numbers",
            quantity="Quantity of Credits",
            date="Status Effective (GMT)",
            issued="Date Issued (GMT)",
            beneficiary="Retired on Behalf of",
            account="Account Holder",
            reasons=("Retirement Reason", "Purpose of Retirement"),
            project="Project ID",
            marker="Retired on Behalf of",
        ),
        "ACR retirements",
    ),
    serial_layout(
        "acr-cancellations",
        Registry.ACR,
        RowKind.CANCELLATION,
        Columns(
            serial="Credit Serial Numbers",
            quantity="Quantity of Credits",
            date="Status Effective (GMT)",
            issued="Date Issued (GMT)",
            reasons=("Cancellation Type", "Cancellation Details"),
            project="Project ID",
            marker="Cancellation Type",
        ),
        "ACR cancellations",
    ),
    issuance_summary_layout(
        "acr-issuances",
        Registry.ACR,
        Columns(
            quantity="Total Credits Issued",
            date="Date Issued (GMT)",
            project="Project ID",
            marker="Credits Issued to Project",
        ),
        "ACR project issuances",
    ),
)
