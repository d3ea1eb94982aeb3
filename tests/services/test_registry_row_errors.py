"""A registry row with several bad cells reports each of them."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import counts, make_contract
from tests.services.registry_files import acr_file, acr_retirement
from tracker.domain.errors import ImportRefused
from tracker.services.registry import ImportOptions, import_registry_file


def test_every_bad_cell_of_a_registry_row_is_reported(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db, reference="C-1", registry="acr")
    path = tmp_path / "acr.csv"
    path.write_bytes(acr_file(acr_retirement(quantity="-1", retired="13/45/2025", vintage="19")))

    with pytest.raises(ImportRefused) as refused:
        import_registry_file(db, path, ImportOptions(contract="C-1"))

    assert [(e.row, e.column) for e in refused.value.errors] == [
        (2, "Quantity of Credits"),
        (2, "Status Effective (GMT)"),
        (2, "Vintage"),
    ]
    assert counts(db)["retirements"] == 0
