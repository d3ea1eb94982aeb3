"""Free-text fields: trimmed, bounded, and free of NUL characters.

SQLite's text functions stop at a NUL, so a value holding one would slip past
length checks or be cut short; it is refused here, by field name, instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from tracker.domain.errors import ValidationError
from tracker.domain.messages import msg


def parse_text(
    data: Mapping[str, object], field: str, required: bool = False, limit: int = 200
) -> str:
    value = str(data.get(field) or "").strip()
    if required and not value:
        raise ValidationError(field, None, msg("error.required"))
    if "\0" in value:
        raise ValidationError(field, value.replace("\0", "\\0")[:40], msg("error.nul"))
    if len(value) > limit:
        raise ValidationError(field, value[:40] + "…", msg("error.too_long", limit=limit))
    return value
