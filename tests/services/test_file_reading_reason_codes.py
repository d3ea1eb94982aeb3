"""Refusals of a file as a whole (its kind, encoding, CSV structure, header, size, and a
tracker file given to reconcile) carry a message code; their English is unchanged.

The command line shows the English ``reason`` as before; the window words the message
(``reason_message``) in its language.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from tracker.domain.errors import ImportRefused, RowError
from tracker.domain.messages import render
from tracker.services.input_limits import check_header_bytes
from tracker.services.registry import ImportOptions, preview_registry_file
from tracker.services.registry.reconcile import reconcile_file
from tracker.services.registry.text import read_table
from tracker.services.tracker_csv import header


def coded(error: RowError) -> tuple[int, str, str, str]:
    assert error.reason_message is not None
    assert error.reason == render(error.reason_message)
    return error.row, error.column, error.reason_message.code, error.reason


def refusal_of_reading(data: bytes) -> RowError:
    with pytest.raises(ImportRefused) as refused:
        list(read_table("x.csv", data).rows())
    [error] = refused.value.errors
    return error


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b"PK\x03\x04rest",
            (1, "(file)", "error.not_a_csv_file",
             "is not a CSV file: it is a ZIP or Excel workbook (.xlsx); save it as CSV first"),
        ),
        (
            b"\xd0\xcf\x11\xe0rest",
            (1, "(file)", "error.not_a_csv_file",
             "is not a CSV file: it is an old Excel workbook (.xls); save it as CSV first"),
        ),
        (
            b"%PDF-1.7",
            (1, "(file)", "error.not_a_csv_file", "is not a CSV file: it is a PDF document"),
        ),
        (
            b"\x89PNG\r\n",
            (1, "(file)", "error.not_a_csv_file", "is not a CSV file: it is a PNG image"),
        ),
        (
            b"a,b\n1,2\n3,\x00\n",
            (3, "(file)", "error.nul_bytes",
             "contains NUL bytes: not a text CSV file (wrong encoding?)"),
        ),
        (
            b"\xff\xfea\x00,\x00b\x00\n\x00\x00\xd8",
            (2, "(file)", "error.undecodable_byte",
             "byte 10 cannot be read as utf-16 (nor as UTF-8): save the file as UTF-8 CSV"),
        ),
        (
            b"\xff\xfea\x00\x00\x00",
            (1, "(file)", "error.not_utf16", "is not valid UTF-16 text"),
        ),
        (
            b"a,b\n1,2,3\n",
            (2, "(row)", "error.cell_count", "has 3 cells but the header has 2"),
        ),
        (
            b'a,b\n1,"' + b"x" * (130 * 1024) + b"\n",
            (2, "(row)", "error.cell_too_long",
             "a cell is longer than 128 KiB (an unclosed quote?)"),
        ),
        (
            b'a,b\n1,"2\n',
            (2, "(row)", "error.unclosed_quote",
             "a quoted cell is never closed (unclosed quote)"),
        ),
        (
            b'a,b\n1,"2"x\n',
            (2, "(row)", "error.unreadable_csv",
             "unreadable CSV: ',' expected after '\"'"),
        ),
        (b" \n\n", (1, "header", "error.file_empty", "the file is empty")),
        (
            b"a,,b\n1,2,3\n",
            (1, "(column 2)", "error.header_name_missing", "has no name in the header"),
        ),
        (
            b"Vintage,vintage\n1,2\n",
            (1, "vintage", "error.header_name_repeated",
             "appears more than once in the header"),
        ),
    ],
)  # fmt: skip
def test_refusals_of_reading_a_file_keep_their_english(
    data: bytes, expected: tuple[int, str, str, str]
) -> None:
    assert coded(refusal_of_reading(data)) == expected


def test_the_wizard_refuses_nul_bytes_with_a_code(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"Vintage,Quantity\n2025,\x001\n")
    with pytest.raises(ImportRefused) as refused:
        preview_registry_file(db, path, ImportOptions())
    [error] = refused.value.errors
    assert coded(error) == (
        2, "(file)", "error.nul_bytes", "contains NUL bytes: not a text CSV file (wrong encoding?)"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b"a" * (1 << 20) + b"b",
            ("error.header_row_too_long",
             "the header row is longer than 1 MiB; not a CSV file"),
        ),
        (
            b",".join([b"c"] * 1234) + b"\n",
            ("error.too_many_columns",
             "has at least 1,234 columns; a tracker or registry file has at most 300. Check "
             "that this is the right file"),
        ),
    ],
)  # fmt: skip
def test_size_limits_of_a_header_keep_their_english(data: bytes, expected: tuple[str, str]) -> None:
    with pytest.raises(ImportRefused) as refused:
        check_header_bytes("x.csv", data)
    [error] = refused.value.errors
    assert coded(error) == (1, "(header)", *expected)


def test_reconciling_a_tracker_file_keeps_its_english(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    path = tmp_path / "deliveries.csv"
    path.write_text(",".join(header("deliveries")) + "\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        reconcile_file(db, path)
    [error] = refused.value.errors
    assert coded(error) == (
        1, "header", "error.tracker_file_not_export", "is a tracker file, not a registry export"
    )  # fmt: skip
