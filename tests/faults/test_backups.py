"""Fault suite — figure: backups are made (daily, before imports and upgrades), thinned
by a pure rule, and a backup restores a ledger whose current file is corrupt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.faults.helpers import demo_ledger, run, sha256
from tracker.store import backups
from tracker.store.database import open_database

times = st.lists(
    st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2027, 12, 31)),
    max_size=200,
)


@given(times)
def test_thinning_keeps_a_subset_and_always_the_newest(when: list[dt.datetime]) -> None:
    kept = backups.thin(when)
    assert kept <= set(when)
    if when:
        assert max(when) in kept


@given(times)
def test_thinning_keeps_at_most_seven_plus_four_plus_twelve(when: list[dt.datetime]) -> None:
    kept = backups.thin(when)
    assert len(kept) <= backups.DAILY + backups.WEEKLY + backups.MONTHLY
    assert len({k.date() for k in kept}) == len(kept)  # never two of one day


@given(times)
def test_thinning_is_idempotent(when: list[dt.datetime]) -> None:
    kept = backups.thin(when)
    assert backups.thin(kept) == kept


@given(times)
def test_thinning_keeps_the_newest_of_each_of_the_last_seven_days(
    when: list[dt.datetime],
) -> None:
    kept = backups.thin(when)
    days = sorted({w.date() for w in when}, reverse=True)[: backups.DAILY]
    for day in days:
        assert max(w for w in when if w.date() == day) in kept


@settings(max_examples=50)
@given(st.integers(min_value=30, max_value=400))
def test_thinning_daily_backups_over_a_long_time_keeps_months(days: int) -> None:
    start = dt.datetime(2025, 1, 1, 9)
    when = [start + dt.timedelta(days=n) for n in range(days)]
    kept = backups.thin(when)
    assert len(kept) >= min(days, backups.DAILY)
    assert len({(k.year, k.month) for k in kept}) >= min(12, len({(w.year, w.month) for w in when}))


def test_backup_restore_round_trip_with_a_corrupt_current_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    code, out, _ = run(capsys, "--db", str(ledger), "backup")
    assert code == 0
    made = Path(out.split(" to ")[-1].strip())
    assert made.parent == ledger.parent / "backups"
    assert made.stat().st_mode & 0o777 == 0o600
    data = bytearray(ledger.read_bytes())
    data[4096 * 2 : 4096 * 2 + 512] = b"\x00" * 512  # corrupt the ledger
    ledger.write_bytes(bytes(data))
    corrupt = sha256(ledger)
    assert run(capsys, "--db", str(ledger), "summary")[0] == 1
    code, out, _ = run(capsys, "--db", str(ledger), "restore", str(made))
    assert code == 0
    aside = next(tmp_path.glob("ledger.db.before-restore-*"))
    assert sha256(aside) == corrupt  # the damaged file is kept, never deleted
    assert run(capsys, "--db", str(ledger), "verify-log")[0] == 0
    code, out, _ = run(capsys, "--db", str(ledger), "--as-of", "2027-01-01", "summary")
    assert "MSFT-1PF-STRATOS-DAC" in out


def test_restore_newest_and_listing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    run(capsys, "--db", str(ledger), "backup")
    code, out, _ = run(capsys, "--db", str(ledger), "restore")
    assert code == 0
    assert "manual" in out
    assert run(capsys, "--db", str(ledger), "restore", "newest")[0] == 0


def test_a_backup_is_made_before_an_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    csv = tmp_path / "contracts.csv"
    run(capsys, "--db", str(ledger), "export", "contracts", "-o", str(csv))
    _, _, err = run(capsys, "--db", str(ledger), "import", "contracts", str(csv))
    assert "before the import" in err
    assert backups.list_backups(ledger)[0].reason == "before-import"


def test_the_first_write_of_the_day_makes_the_daily_backup(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    assert [b.reason for b in backups.list_backups(ledger)].count("daily") == 1
    db = open_database(ledger, create=False)
    assert backups.backup_if_due(db, ledger) is None  # not twice a day
    db.close()


def test_a_schema_upgrade_is_preceded_by_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ledger one migration behind is backed up before the migration runs."""
    from tracker.store import database, migrations

    ledger = demo_ledger(tmp_path / "ledger.db")

    @migrations.migrations(name="m999_test_only")
    def _extra(db: object) -> None:
        pass

    monkeypatch.setattr(
        database, "KNOWN_MIGRATIONS", (*database.KNOWN_MIGRATIONS, "m999_test_only")
    )
    notices: list[str] = []
    try:
        db = open_database(ledger, create=False, notify=notices.append)
        db.close()
    finally:
        migrations.migrations._migrations.pop()
    assert any("before upgrading" in n for n in notices)
    assert "before-upgrade" in {b.reason for b in backups.list_backups(ledger)}


def test_a_backup_that_is_not_a_ledger_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    before = sha256(ledger)
    junk = tmp_path / "junk.db"
    junk.write_text("not a backup")
    code, _, err = run(capsys, "--db", str(ledger), "restore", str(junk))
    assert code == 1
    assert "cannot restore" in err
    assert sha256(ledger) == before
