"""The first page of an empty ledger, and Help ▸ Getting started."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget


def getting_started_text() -> str:
    return QCoreApplication.translate(
        "Welcome",
        "<p>Carbon Tracker keeps your carbon-credit offtake contracts in one ledger file: "
        "what was contracted, the delivery schedule, what was delivered and verified, and "
        "what you retired against which claim.</p>"
        "<ol>"
        "<li><b>Add your contracts</b> with Records → New contract…, or import a tracker "
        "CSV file or a registry export with Reports → Import registry file….</li>"
        "<li><b>Record deliveries</b> as the registry transfers credits (serial blocks may "
        "follow later), and their verification.</li>"
        "<li><b>Retire credits</b> against a claim period (Records → Retire credits…).</li>"
        "<li><b>Review the Flags tab</b>: the audit rules point at shortfalls, late "
        "tranches and retirements before verification.</li>"
        "</ol>"
        "<p>View → Figures as of… shows every figure as of another date. Every change can "
        "be undone with Edit → Undo. To look around first, load the demo portfolio into "
        "a new ledger (File → New ledger…).</p>",
    )


def show_getting_started(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("Welcome", "Getting started"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(getting_started_text())
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.open()
    return box


class WelcomePage(QWidget):
    """Shown instead of the figures while the ledger holds no contract."""

    demo_requested = Signal()
    import_requested = Signal()
    new_contract_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(self.tr("Welcome to Carbon Tracker"), self)
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "This ledger holds no contract yet. Load the demo portfolio to look "
                "around, import a file you already have, or enter your first contract."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Load the &demo portfolio"), self)
        self.demo_button.setToolTip(
            self.tr("Five illustrative contracts: the prices and deliveries are made up.")
        )
        self.import_button = QPushButton(self.tr("&Import a file…"), self)
        self.import_button.setToolTip(
            self.tr("A tracker CSV file or a registry export (Verra, Gold Standard, …)")
        )
        self.new_button = QPushButton(self.tr("&New contract…"), self)
        self.demo_button.clicked.connect(self.demo_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.new_button.clicked.connect(self.new_contract_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(intro, 0, Qt.AlignmentFlag.AlignHCenter)
        intro.setFixedWidth(480)  # a wrapped paragraph needs a width to wrap at
        # and, aligned in its layout, the height of its lines at that width (a layout
        # gives an aligned widget its size hint, which does not know the width)
        intro.setMinimumHeight(intro.heightForWidth(480))
        intro.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for button in (self.demo_button, self.import_button, self.new_button):
            button.setMinimumWidth(260)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.demo_button.setDefault(True)
