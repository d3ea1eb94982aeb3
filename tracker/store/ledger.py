"""The ledger connection as the layers above the store name it.

Modules above ``tracker.store`` annotate with :data:`Ledger` instead of importing
``sqlite_utils`` or ``sqlite3`` themselves (``tests/test_layering.py`` holds them to
it), so the connection type can change in one place.
"""

from __future__ import annotations

from typing import TypeAlias

import sqlite_utils

Ledger: TypeAlias = sqlite_utils.Database
