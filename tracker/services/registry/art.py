"""ART TREES exports (serials like ``ART-GY-102-2021-11-2759599 to 2760598``)."""

from __future__ import annotations

from tracker.domain.vocab import Registry
from tracker.services.registry.model import RowKind
from tracker.services.registry.us_registries import Columns, issuance_summary_layout, serial_layout

LAYOUTS = (
    serial_layout(
        "art-retirements",
        Registry.ART,
        RowKind.RETIREMENT,
        Columns(
            serial="Credit Serial Numbers",
            quantity="Quantity of Credits",
            date="Status Effective",
            issued="Date Approved",
            beneficiary="Retired on Behalf of",
            account="Account Holder",
            reasons=("Retirement Reason", "Purpose of Retirement"),
            project="Program ID",
            marker="Retired on Behalf of",
        ),
        "ART TREES retirements",
    ),
    serial_layout(
        "art-cancellations",
        Registry.ART,
        RowKind.CANCELLATION,
        Columns(
            serial="Credit Serial Numbers",
            quantity="Quantity of Credits",
            date="Status Effective",
            issued="Date Approved",
            reasons=("Cancellation Reason", "Cancellation Details"),
            project="Program ID",
            marker="Cancellation Reason",
        ),
        "ART TREES cancellations",
    ),
    issuance_summary_layout(
        "art-issuances",
        Registry.ART,
        Columns(
            quantity="Credits Verified",
            date="Date Approved",
            project="Program ID",
            marker="Total Emission Reductions/Removals",
        ),
        "ART TREES program issuances",
    ),
)
