"""Light and dark colour schemes: the window's palette and the colours text is drawn in.

``apply(app, "light" | "dark" | "system")`` sets Qt 6's colour scheme (and, so that every
platform and the offscreen renderer agree, the Fusion style with an explicit palette).
Status colours (errors, severities, the schedule's overdue and late) come in one shade per
scheme, each with at least WCAG AA contrast (4.5:1) against that scheme's window and base
colours; ``tests/ui/test_theming.py`` checks the ratios.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("light", "dark", "system")

LIGHT_SURFACES = ("#ffffff", "#efefef")  # base, window
DARK_SURFACES = ("#1e1e1e", "#2b2b2b")

# role -> (light shade, dark shade)
COLOURS: dict[str, tuple[str, str]] = {
    "error": ("#b3261e", "#ff8a80"),
    "critical": ("#b3261e", "#ff8a80"),
    "high": ("#a34e00", "#ffb35c"),
    "warn": ("#7a5f00", "#e6c34d"),
    "info": ("#2f5f93", "#8cb8ff"),
    "ok": ("#1b5e20", "#7ddc84"),
    "late": ("#8a5000", "#ffc266"),
    "muted": ("#595959", "#b0b0b0"),
    "rejected": ("#666666", "#9e9e9e"),
}


def is_dark() -> bool:
    """Whether the window is drawn dark (by choice or by the system's scheme)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    assert isinstance(app, QGuiApplication)
    window = app.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def colour(role: str) -> str:
    """The shade of ``role`` (see ``COLOURS``) for the scheme in use."""
    light, dark = COLOURS[role]
    return dark if is_dark() else light


def style(role: str) -> str:
    """A style sheet that draws a label's text in ``role``'s colour."""
    return f"color: {colour(role)};"


def _dark_palette() -> QPalette:
    base, window = (QColor(c) for c in DARK_SURFACES)
    text = QColor("#e8e8e8")
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, window),
        (roles.WindowText, text),
        (roles.Base, base),
        (roles.AlternateBase, QColor("#262626")),
        (roles.ToolTipBase, QColor("#333333")),
        (roles.ToolTipText, text),
        (roles.Text, text),
        (roles.Button, QColor("#353535")),
        (roles.ButtonText, text),
        (roles.BrightText, QColor("#ff8a80")),
        (roles.Highlight, QColor("#3d6fb4")),
        (roles.HighlightedText, QColor("#ffffff")),
        (roles.Link, QColor("#8cb8ff")),
        (roles.PlaceholderText, QColor("#a8a8a8")),
        (roles.Mid, QColor("#4a4a4a")),
        (roles.Midlight, QColor("#3c3c3c")),
        (roles.Dark, QColor("#151515")),
        (roles.Light, QColor("#505050")),
    ):
        palette.setColor(role, value)
    disabled = QColor("#7a7a7a")
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def resolve(choice: str | None) -> str:
    """``light`` or ``dark``: ``system`` (or nothing) asks the platform's colour scheme."""
    if choice in ("light", "dark"):
        return str(choice)
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication) and app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def apply(app: QApplication, choice: str | None) -> str:
    """Draw the window in ``choice`` (light, dark or system); return the scheme used."""
    scheme = resolve(choice)
    app.styleHints().setColorScheme(
        Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light
    )
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    if scheme == "dark":
        app.setPalette(_dark_palette())
    else:
        app.setPalette(app.style().standardPalette())
    return scheme


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""

    def luminance(name: str) -> float:
        colour = QColor(name)
        channels = []
        for value in (colour.redF(), colour.greenF(), colour.blueF()):
            linear = value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
            channels.append(linear)
        red, green, blue = channels
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
