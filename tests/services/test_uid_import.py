"""The ``uid`` column of the tracker's CSV files: kept through export and import."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import sqlite_utils

from tests.factories import contract_data, delivery_data, make_contract, make_delivery
from tracker.domain.errors import ImportRefused
from tracker.services.csv_safe import to_text
from tracker.services.demo import load_demo
from tracker.services.tracker_csv import IMPORT_KINDS, export_rows, header, import_text
from tracker.store.database import open_database
from tracker.store.log_verify import verify_log

AS_OF = dt.date(2027, 1, 1)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
TABLES = {
    "contracts": "contracts",
    "schedule": "tranches",
    "deliveries": "deliveries",
    "retirements": "retirements",
    "invalidations": "invalidations",
}
OTHER_UID = "0f8fad5b-d9cb-469f-a165-70867728950e"


def _export(db: sqlite_utils.Database, kind: str) -> str:
    return to_text(header(kind), export_rows(db, kind, as_of=AS_OF))


def _uids(db: sqlite_utils.Database, table: str) -> set[str]:
    return {r[0] for r in db.execute(f"select uid from [{table}]")}


def _line(kind: str, data: dict[str, str], contract: str = "C-1") -> str:
    cells = {"contract": contract, **data}
    return ",".join(header(kind)) + "\n" + ",".join(cells.get(c, "") for c in header(kind)) + "\n"


def test_uid_is_the_last_column_of_every_record_kind() -> None:
    for kind in IMPORT_KINDS:
        assert header(kind)[-1] == "uid"
    assert "uid" not in header("summary")


def test_export_then_import_into_an_empty_ledger_keeps_every_uid(db: sqlite_utils.Database) -> None:
    load_demo(db)
    files = {kind: _export(db, kind) for kind in IMPORT_KINDS}
    assert all(UUID.search(files[kind]) for kind in IMPORT_KINDS if files[kind].count("\n") > 1)
    other = open_database(":memory:")
    try:
        for kind in IMPORT_KINDS:
            import_text(other, kind, files[kind], f"{kind}.csv")
        for table in TABLES.values():
            assert _uids(other, table) == _uids(db, table), table
        assert verify_log(other).ok
        # and the second import of the same files adds nothing
        for kind in IMPORT_KINDS:
            assert import_text(other, kind, files[kind], f"{kind}.csv").added == 0, kind
    finally:
        other.close()


def test_files_without_the_uid_column_import_with_new_uids(db: sqlite_utils.Database) -> None:
    load_demo(db)
    old_files = {}
    for kind in IMPORT_KINDS:
        lines = _export(db, kind).splitlines()
        old_files[kind] = "\n".join(line.rsplit(",", 1)[0] for line in lines) + "\n"
    assert "uid" not in old_files["contracts"].splitlines()[0]
    other = open_database(":memory:")
    try:
        for kind in IMPORT_KINDS:
            assert import_text(other, kind, old_files[kind], f"{kind}.csv").added > 0, kind
        for table in TABLES.values():
            made = _uids(other, table)
            assert all(UUID.fullmatch(u) for u in made)
            assert not made & _uids(db, table)  # new ones, not the other ledger's
        assert verify_log(other).ok
    finally:
        other.close()


@pytest.mark.parametrize("kind", ["contracts", "deliveries"])
def test_a_malformed_uid_is_refused_naming_row_and_column(
    db: sqlite_utils.Database, kind: str
) -> None:
    make_contract(db)
    data = contract_data(reference="C-2") if kind == "contracts" else delivery_data()
    text = _line(kind, data | {"uid": "not-a-uuid"})
    with pytest.raises(ImportRefused) as refused:
        import_text(db, kind, text, "f.csv")
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "uid")]
    assert "not a global id" in str(refused.value)


def test_a_uid_in_any_spelling_is_stored_canonical(db: sqlite_utils.Database) -> None:
    text = _line("contracts", contract_data(uid="{" + OTHER_UID.upper() + "}"))
    import_text(db, "contracts", text, "c.csv")
    assert _uids(db, "contracts") == {OTHER_UID}


@pytest.mark.parametrize("kind", ["contracts", "deliveries"])
def test_a_row_naming_a_stored_record_by_uid_adds_nothing(
    db: sqlite_utils.Database, kind: str
) -> None:
    if kind == "deliveries":
        make_contract(db)
    data = contract_data() if kind == "contracts" else delivery_data()
    import_text(db, kind, _line(kind, data | {"uid": OTHER_UID}), "f.csv")
    again = import_text(db, kind, _line(kind, data | {"uid": OTHER_UID}), "f.csv")
    assert (again.added, again.unchanged) == (0, 1)
    assert OTHER_UID in _uids(db, TABLES[kind])


@pytest.mark.parametrize("kind", ["contracts", "deliveries"])
def test_a_uid_of_a_different_record_is_refused(db: sqlite_utils.Database, kind: str) -> None:
    contract = make_contract(db)
    if kind == "contracts":
        taken = db.execute("select uid from contracts").fetchone()[0]
        data = contract_data(reference="C-2", uid=taken)
    else:
        make_delivery(db, contract)
        taken = db.execute("select uid from deliveries").fetchone()[0]
        data = delivery_data(serial_block="ACR-US-1-2025-1-101 to 200", reference="TX-2")
        data["uid"] = taken
    with pytest.raises(ImportRefused) as refused:
        import_text(db, kind, _line(kind, data), "f.csv")
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "uid")]
    assert "global id of a different record" in str(refused.value)


def test_a_row_already_present_with_another_uid_adds_nothing(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    make_delivery(db, contract)
    kept = _uids(db, "deliveries")
    result = import_text(db, "deliveries", _line("deliveries", delivery_data(uid=OTHER_UID)), "d")
    assert (result.added, result.unchanged) == (0, 1)
    assert _uids(db, "deliveries") == kept


def test_one_uid_for_two_different_rows_of_a_file_is_refused(db: sqlite_utils.Database) -> None:
    make_contract(db)
    first = delivery_data(uid=OTHER_UID)
    second = delivery_data(serial_block="ACR-US-1-2025-1-101 to 200", reference="TX-2")
    text = (
        _line("deliveries", first)
        + "C-1,"
        + ",".join((second | {"uid": OTHER_UID}).get(c, "") for c in header("deliveries")[1:])
    )
    with pytest.raises(ImportRefused) as refused:
        import_text(db, "deliveries", text, "d.csv")
    assert [(e.row, e.column) for e in refused.value.errors] == [(3, "uid")]
    assert "row 2" in str(refused.value)


def test_a_retirement_keeps_its_uid(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    make_delivery(db, contract)
    data = {"retired_on": "2025-09-30", "tonnes": "5", "purpose": "other", "uid": OTHER_UID}
    import_text(db, "retirements", _line("retirements", data), "r.csv")
    assert _uids(db, "retirements") == {OTHER_UID}
    again = import_text(db, "retirements", _line("retirements", data), "r.csv")
    assert again.added == 0


def test_the_form_never_carries_a_uid(db: sqlite_utils.Database) -> None:
    from tracker.services.form_data import contract_input
    from tracker.store import queries

    make_contract(db)
    assert "uid" not in contract_input(queries.contracts(db)[0])
