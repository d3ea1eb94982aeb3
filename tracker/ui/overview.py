"""Overview tab: the key figures as cards, for one contract or the whole portfolio.

Below the cards sits ``chart_slot``: the delivered-vs-contracted chart is
embedded there with ``set_chart(widget)``.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.changes import ChangeSet
from tracker.domain.flags import Severity
from tracker.services.summary import ContractSummary, Totals, portfolio_summary, totals_by_currency
from tracker.ui import numbers, theming
from tracker.ui.audit.flags_panel import severity_colour
from tracker.ui.background import BackgroundJob
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.welcome import WelcomePage

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
CARDS_PER_ROW = 5  # at most; a narrower tab puts fewer in a row
CARD_MIN_WIDTH = 150
GRID_SPACING = 8
DETAIL_STYLE = "color: palette(placeholder-text); font-size: 11px;"
REJECTED_STYLE = "font-size: 18px; font-weight: 600; color: {colour};"


class Card(QFrame):
    resized = Signal()  # its width changed: its wrapped lines may need another height

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
        self.detail.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.value.setAccessibleName(title)

    def needed_height(self) -> int:
        """Height that shows every line at the card's width (its hint before layout)."""
        layout = self.layout()
        assert layout is not None
        if self.width() <= 0 or not self.isVisible():
            return layout.sizeHint().height()
        return max(layout.totalHeightForWidth(self.width()), layout.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.resized.emit()


class OverviewPanel(QWidget):
    show_flags_requested = Signal()  # the "Show flags" link next to the flag counts

    def __init__(self, store: LedgerStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.contract_id: int | None = None
        layout = QVBoxLayout(self)
        # the minimum width is ours (minimumSizeHint), not five cards' worth
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
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
        grid.setSpacing(GRID_SPACING)
        self.grid = grid
        self.per_row = CARDS_PER_ROW

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
            card.resized.connect(self._equalise_heights, Qt.ConnectionType.QueuedConnection)
            grid.addWidget(card, position // CARDS_PER_ROW, position % CARDS_PER_ROW)
        self.cards["rejected"].value.setStyleSheet(
            REJECTED_STYLE.format(colour=theming.colour("rejected"))
        )
        self.cards["rejected"].setToolTip(
            self.tr("Deliveries whose verification failed count as neither delivered nor "
                    "available; under an offtake agreement they are owed again.")
        )  # fmt: skip
        self.cards["delivered"].setToolTip(
            self.tr("Accepted deliveries only. Credits the registry cancelled or drew into a "
                    "buffer after a reversal no longer count from that date.")
        )  # fmt: skip
        self.figures = QWidget(self)  # the cards and the chart, or else the welcome page
        figures = QVBoxLayout(self.figures)
        figures.setContentsMargins(0, 0, 0, 0)
        figures.addLayout(grid)
        self.welcome = WelcomePage(self)
        self.welcome.hide()
        layout.addWidget(self.welcome, 1)
        layout.addWidget(self.figures, 1)
        self.chart_slot = QVBoxLayout()
        self.chart_placeholder = QLabel(self.tr("The delivery chart appears here."), self)
        self.chart_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_placeholder.setStyleSheet("color: palette(placeholder-text);")
        self.chart_slot.addWidget(self.chart_placeholder, 1)
        figures.addLayout(self.chart_slot, 1)
        self.job = BackgroundJob(store, self._show, self)
        store.changed.connect(self._on_changed)
        store.reset.connect(self.refresh)
        store.as_of_changed.connect(lambda _day: self.refresh())
        self.refresh()

    def minimumSizeHint(self) -> QSize:
        """As narrow as two cards a row (the grid reflows), as tall as its content."""
        layout = self.layout()
        height = layout.minimumSize().height() if layout is not None else 0
        return QSize(2 * CARD_MIN_WIDTH + 3 * GRID_SPACING + 16, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Five cards a row when there is room, fewer (down to two) on a narrow window."""
        super().resizeEvent(event)
        self._reflow(event.size().width())

    def _reflow(self, width: int) -> None:
        """As many cards a row as fit ``width`` (their figures whole), two at least."""
        needs = sorted(
            (max(CARD_MIN_WIDTH, c.value.sizeHint().width() + 26) for c in self.cards.values()),
            reverse=True,
        )
        per_row = 2
        for count in range(CARDS_PER_ROW, 2, -1):
            if sum(needs[:count]) + (count - 1) * GRID_SPACING + 16 <= width:
                per_row = count
                break
        if per_row != self.per_row:
            self.per_row = per_row
            for position, key in enumerate(CARD_KEYS):
                self.grid.addWidget(self.cards[key], position // per_row, position % per_row)

    def set_chart(self, chart: QWidget) -> None:
        """Embed the chart below the cards, replacing the placeholder."""
        self.chart_slot.removeWidget(self.chart_placeholder)
        self.chart_placeholder.hide()  # until it is deleted, in the next event-loop turn
        self.chart_placeholder.deleteLater()
        self.chart_slot.addWidget(chart, 1)

    def set_contract(self, contract_id: int | None) -> None:
        self.contract_id = contract_id
        self.refresh()

    def show_flag_counts(self, open_counts: dict[Severity, int], total: int) -> None:
        """Show ``open_counts`` of the ``total`` flags for what is in view."""
        names = {
            Severity.CRITICAL: self.tr("critical"),
            Severity.HIGH: self.tr("high"),
            Severity.WARN: self.tr("warning"),
            Severity.INFO: self.tr("info"),
        }
        parts = [
            f"<span style='color:{severity_colour(s)}'><b>{open_counts[s]}</b> {names[s]}</span>"
            for s in Severity
        ]
        acknowledged = total - sum(open_counts.values())
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
        empty = not summaries and self.contract_id is None
        self.welcome.setVisible(empty)
        self.figures.setVisible(not empty)
        self._equalise_heights()
        self._reflow(self.width())  # longer figures may need wider cards

    def _equalise_heights(self) -> None:
        """Rows of equally tall cards, tall enough for the card with the most lines."""
        tallest = max(card.needed_height() for card in self.cards.values())
        for card in self.cards.values():
            if card.height() != tallest or card.minimumHeight() != tallest:
                card.setFixedHeight(tallest)

    def _show_contract(self, s: ContractSummary) -> None:
        self.heading.setText(
            self.tr("{ref} — {supplier}, as of {date}").format(
                ref=s.reference, supplier=s.supplier, date=numbers.day(self.store.as_of)
            )
        )
        self._show_tonnes([s])
        self.cards["value"].value.setText(numbers.money(s.delivered_value_cents, s.currency))
        self.cards["value"].detail.setText("")

    def _show_portfolio(self, totals: list[Totals]) -> None:
        count = sum(t.contracts for t in totals)
        self.heading.setText(
            self.tr("All contracts ({count}), as of {date}").format(
                count=count, date=numbers.day(self.store.as_of)
            )
        )
        self._show_tonnes(totals)
        # the largest value on the card; other currencies (never a "0.00 EUR") below it
        values = [
            numbers.money(t.delivered_value_cents, t.currency)
            for t in sorted(totals, key=lambda t: -t.delivered_value_cents)
            if t.delivered_value_cents
        ]
        self.cards["value"].value.setText(values[0] if values else "—")
        self.cards["value"].detail.setText(" · ".join(values[1:]))

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
        pct = numbers.percent(delivered, contracted)
        percent = self.tr("{percent} %").format(percent=pct)
        self.cards["delivered_pct"].value.setText(percent if pct else "—")

    def _tonnes(self, kg: int) -> str:
        return self.tr("{tonnes} t").format(tonnes=numbers.tonnes(kg))

    def _on_changed(self, changes: ChangeSet) -> None:
        if self.contract_id is None or self.contract_id in changes.contracts:
            self.refresh()
