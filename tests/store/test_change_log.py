"""Every write through the UnitOfWork appends a chained change-log entry."""

from __future__ import annotations

import itertools

import pytest
import sqlite_utils

from tests.factories import delivery_data, make_contract, make_delivery
from tracker.domain.errors import ValidationError
from tracker.services.audit.settings import Thresholds, save_settings
from tracker.services.deliveries import add_delivery, delete_delivery, update_delivery
from tracker.store import change_log
from tracker.store.log_verify import verify_log


def _last(db: sqlite_utils.Database) -> change_log.LogEntry:
    return change_log.entries(db, newest_first=True, limit=1)[0]


def test_an_insert_is_logged_with_the_new_row(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    entry = _last(db)
    assert (entry.action, entry.table_name, entry.record_id, entry.contract_id) == (
        "insert",
        "deliveries",
        delivery,
        contract,
    )
    assert entry.before is None
    assert entry.after is not None
    assert entry.after["tonnes_kg"] == 100_000


def test_an_update_is_logged_with_before_and_after(db: sqlite_utils.Database) -> None:
    delivery = make_delivery(db, make_contract(db))
    update_delivery(db, delivery, delivery_data(reference="TX-NEW"))
    entry = _last(db)
    assert entry.action == "update"
    assert (entry.before or {})["reference"] == "TX-1"
    assert (entry.after or {})["reference"] == "TX-NEW"


def test_a_delete_is_logged_with_the_row_as_it_was(db: sqlite_utils.Database) -> None:
    delivery = make_delivery(db, make_contract(db))
    delete_delivery(db, delivery)
    entry = _last(db)
    assert (entry.action, entry.record_id, entry.after) == ("delete", delivery, None)
    assert (entry.before or {})["serial_block"] == "ACR-US-1-2025-1-1 to 100"


def test_entries_name_the_os_login_by_default(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(change_log.getpass, "getuser", lambda: "alice")
    make_contract(db)
    assert _last(db).user == "alice"


def test_entries_name_the_user_set_in_the_ledger(db: sqlite_utils.Database) -> None:
    save_settings(db, Thresholds(), user="Auditor Bob")
    make_contract(db)
    assert _last(db).user == "Auditor Bob"


def test_each_entry_links_to_the_hash_of_the_one_before(db: sqlite_utils.Database) -> None:
    make_delivery(db, make_contract(db))
    log = change_log.entries(db)
    assert log[0].prev_hash == change_log.GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(log))
    assert [e.seq for e in log] == list(range(1, len(log) + 1))


def test_a_refused_write_leaves_no_log_entry(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    make_delivery(db, contract)
    before = len(change_log.entries(db))
    with pytest.raises(ValidationError):
        add_delivery(db, contract, delivery_data(serial_block="ACR-US-1-2025-1-50 to 149"))
    assert len(change_log.entries(db)) == before


def test_an_untouched_ledger_verifies(db: sqlite_utils.Database) -> None:
    delivery = make_delivery(db, make_contract(db))
    update_delivery(db, delivery, delivery_data(reference="TX-2"))
    report = verify_log(db)
    assert report.ok, report.describe()
    assert report.describe().startswith("change log intact:")
