"""Every bad cell of a registry row, not only the first.

A layout's parser stops at the first cell it refuses.  To name the others too, the row
is parsed again with each refused cell replaced by a harmless probe value (a quantity,
a date, a year, a word), until it parses or no probe gets past that cell.  Only rows
that already failed are probed, so good files cost nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from tracker.domain.errors import ValidationError
from tracker.services.registry.model import Layout
from tracker.services.registry.text import normalise_header

PROBES = ("1", "2025-01-01", "2025", "x")
LIMIT = 20  # refused cells reported per row at most


def every_parse_error(
    layout: Layout,
    line: int,
    cells: Mapping[str, str],
    decimal_comma: bool,
    first: ValidationError,
) -> list[ValidationError]:
    errors = [first]
    probe = dict(cells)
    refused = first
    while len(errors) < LIMIT:
        key = normalise_header(refused.field)
        if key not in probe:
            break
        following = None
        for candidate in PROBES:
            probe[key] = candidate
            try:
                layout.parse(line, probe, decimal_comma)
            except ValidationError as again:
                if normalise_header(again.field) != key:
                    following = again
                    break
            else:
                return errors
        if following is None:
            break
        errors.append(following)
        refused = following
    return errors
