"""The badge drawn beside a contract with open critical flags: a red disc with "!"."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

BADGE_COLOUR = "#b3261e"  # the Flags tab's colour for critical
BADGE_PX = 14


@cache
def critical_badge() -> QPixmap:
    pixmap = QPixmap(BADGE_PX, BADGE_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(BADGE_COLOUR))
    painter.drawEllipse(QRectF(0.5, 0.5, BADGE_PX - 1, BADGE_PX - 1))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(BADGE_PX - 4)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, BADGE_PX, BADGE_PX), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return pixmap
