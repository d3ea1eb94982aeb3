"""Overview tab: the key figures as cards, for one contract or the whole portfolio.

Below the cards sits ``chart_slot``: the delivered-vs-contracted chart is
embedded there with ``set_chart(widget)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.changes import ChangeSet
from tracker.domain.flags import Severity
from tracker.domain.quantities import format_cents, format_tonnes_grouped, percent_one_decimal
from tracker.services.audit.review import ReviewedFlag, counts_by_severity
from tracker.services.summary import ContractSummary, Totals, portfolio_summary, totals_by_currency
from tracker.ui.audit.flags_panel import SEVERITY_COLOURS
from tracker.ui.background import BackgroundJob
from tracker.ui.ledger_store import LedgerStore

CARD_STYLE = (
    "QFrame#card { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"
)
TITLE_STYLE = "color: palette(placeholder-text); font-size: 11px;"
VALUE_STYLE = "font-size: 18px; font-weight: 600;"

CARD_KEYS = (
    "contracted",
    "scheduled",
    "delivered",
    "verified",
    "retired",
    "available",
    "undelivered",
    "delivered_pct",
    "value",
    "rejected",
)
CARDS_PER_ROW = 5
DETAIL_STYLE = "color: palette(placeholder-text); font-size: 11px;"
REJECTED_STYLE = "font-size: 18px; font-weight: 600; color: #8a8a8a;"


class Card(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(CARD_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.title = QLabel(title, self)
        self.title.setStyleSheet(TITLE_STYLE)
        self.value = QLabel("—", self)
        self.value.setStyleSheet(VALUE_STYLE)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel(self)  # smaller lines below (e.g. verified / pending)
        self.detail.setStyleSheet(DETAIL_STYLE)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)


class OverviewPanel(QWidget):
    show_flags_requested = Signal()  # the "Show flags" link next to the flag counts

    def __init__(self, store: LedgerStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.contract_id: int | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("overview_heading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.flag_counts = QLabel(self)
        self.flag_counts.setObjectName("overview_flags")
        self.flag_counts.setTextFormat(Qt.TextFormat.RichText)
        self.flag_counts.setWordWrap(True)
        self.flag_counts.linkActivated.connect(lambda _link: self.show_flags_requested.emit())
        self.flag_counts.hide()  # until the audit flags are known
        layout.addWidget(self.flag_counts)
        grid = QGridLayout()
        grid.setSpacing(8)
        titles = {
            "contracted": self.tr("Contracted"),
            "scheduled": self.tr("Scheduled to date"),
            "delivered": self.tr("Delivered"),
            "verified": self.tr("Verified"),
            "retired": self.tr("Retired"),
            "available": self.tr("Available to retire"),
            "undelivered": self.tr("Undelivered"),
            "delivered_pct": self.tr("Delivered of contracted"),
            "value": self.tr("Value delivered"),
            "rejected": self.tr("Rejected"),
        }
        self.cards: dict[str, Card] = {}
        for position, key in enumerate(CARD_KEYS):
            card = Card(titles[key], self)
            self.cards[key] = card
            grid.addWidget(card, position // CARDS_PER_ROW, position % CARDS_PER_ROW)
        self.cards["rejected"].value.setStyleSheet(REJECTED_STYLE)
        self.cards["rejected"].setToolTip(
            self.tr("Deliveries whose verification failed count as neither delivered nor "
                    "available; under an offtake agreement they are owed again.")
        )  # fmt: skip
        self.cards["delivered"].setToolTip(
            self.tr("Accepted deliveries only. Credits the registry cancelled or drew into a "
                    "buffer after a reversal no longer count from that date.")
        )  # fmt: skip
        layout.addLayout(grid)
        self.chart_slot = QVBoxLayout()
        self.chart_placeholder = QLabel(self.tr("The delivery chart appears here."), self)
        self.chart_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_placeholder.setStyleSheet("color: palette(placeholder-text);")
        self.chart_slot.addWidget(self.chart_placeholder, 1)
        layout.addLayout(self.chart_slot, 1)
        self.job = BackgroundJob(store, self._show, self)
        store.changed.connect(self._on_changed)
        store.reset.connect(self.refresh)
        store.as_of_changed.connect(lambda _day: self.refresh())
        self.refresh()

    def set_chart(self, chart: QWidget) -> None:
        """Embed the chart below the cards, replacing the placeholder."""
        self.chart_slot.removeWidget(self.chart_placeholder)
        self.chart_placeholder.deleteLater()
        self.chart_slot.addWidget(chart, 1)

    def set_contract(self, contract_id: int | None) -> None:
        self.contract_id = contract_id
        self.refresh()

    def set_flags(self, reviewed: list[ReviewedFlag]) -> None:
        """Show how many flags of each severity are open for what is in view."""
        open_counts = counts_by_severity(reviewed)
        names = {
            Severity.CRITICAL: self.tr("critical"),
            Severity.HIGH: self.tr("high"),
            Severity.WARN: self.tr("warning"),
            Severity.INFO: self.tr("info"),
        }
        parts = [
            f"<span style='color:{SEVERITY_COLOURS[s]}'><b>{open_counts[s]}</b> {names[s]}</span>"
            for s in Severity
        ]
        acknowledged = len(reviewed) - sum(open_counts.values())
        text = self.tr("Open audit flags: {counts}").format(counts=" · ".join(parts))
        if acknowledged:
            text += " " + self.tr("({n} acknowledged)").format(n=acknowledged)
        link = self.tr("Show flags")
        self.flag_counts.setText(f"{text} &nbsp; <a href='flags'>{link}</a>")
        self.flag_counts.setAccessibleName(self.flag_counts_text())
        self.flag_counts.show()

    def flag_counts_text(self) -> str:
        """The flag counts line as plain text (tests, accessibility)."""
        document = QTextDocument()
        document.setHtml(self.flag_counts.text())
        return document.toPlainText().replace("\xa0", " ").strip()

    def card_text(self, key: str) -> str:
        return self.cards[key].value.text()

    def refresh(self) -> None:
        """Read the figures (off the GUI thread on a ledger file) and show them."""
        as_of, contract_id = self.store.as_of, self.contract_id
        self.job.request(lambda db: (contract_id, portfolio_summary(db, as_of, contract_id)))

    def _show(self, result: tuple[int | None, list[ContractSummary]]) -> None:
        contract_id, summaries = result
        if contract_id is not None and summaries:
            self._show_contract(summaries[0])
        else:
            self._show_portfolio(totals_by_currency(summaries))

    def _show_contract(self, s: ContractSummary) -> None:
        self.heading.setText(
            self.tr("{ref} — {supplier}, as of {date}").format(
                ref=s.reference, supplier=s.supplier, date=self.store.as_of.isoformat()
            )
        )
        self._show_tonnes([s])
        value = f"{format_cents(s.delivered_value_cents, grouped=True)} {s.currency}"
        self.cards["value"].value.setText(value)

    def _show_portfolio(self, totals: list[Totals]) -> None:
        count = sum(t.contracts for t in totals)
        self.heading.setText(
            self.tr("All contracts ({count}), as of {date}").format(
                count=count, date=self.store.as_of.isoformat()
            )
        )
        self._show_tonnes(totals)
        values = [
            f"{format_cents(t.delivered_value_cents, grouped=True)} {t.currency}" for t in totals
        ]
        self.cards["value"].value.setText("\n".join(values) or "—")

    def _show_tonnes(self, items: list[ContractSummary] | list[Totals]) -> None:
        """The tonnage cards for one contract, or summed over every currency's totals."""

        def total(name: str) -> int:
            return sum(getattr(item, name) for item in items)

        contracted, delivered = total("contracted_kg"), total("delivered_kg")
        figures = {
            "contracted": contracted,
            "scheduled": total("scheduled_to_date_kg"),
            "delivered": delivered,
            "verified": total("verified_kg"),
            "retired": total("retired_kg"),
            "available": total("available_kg"),
            "undelivered": contracted - delivered,
            "rejected": total("rejected_kg"),
        }
        for key, kg in figures.items():
            self.cards[key].value.setText(self._tonnes(kg))
        self.cards["available"].detail.setText(
            self.tr("{verified} verified\n{pending} pending verification").format(
                verified=self._tonnes(total("available_verified_kg")),
                pending=self._tonnes(total("available_pending_kg")),
            )
        )
        self.cards["delivered"].detail.setText(
            self.tr("{tonnes} invalidated").format(tonnes=self._tonnes(total("invalidated_kg")))
        )
        self.cards["rejected"].detail.setText(self.tr("failed verification"))
        pct = percent_one_decimal(delivered, contracted)
        percent = self.tr("{percent} %").format(percent=pct)
        self.cards["delivered_pct"].value.setText(percent if pct else "—")

    def _tonnes(self, kg: int) -> str:
        return self.tr("{tonnes} t").format(tonnes=format_tonnes_grouped(kg))

    def _on_changed(self, changes: ChangeSet) -> None:
        if self.contract_id is None or self.contract_id in changes.contracts:
            self.refresh()
