"""A corpus of bad registry files: each is refused with a message naming the row and the
column, and nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import counts, make_contract, make_delivery
from tests.services.registry_files import (
    ACR_HEADER,
    acr_file,
    acr_retirement,
    gs_file,
    gs_row,
    iso_file,
    iso_retirement,
    verra_delivery,
    verra_file,
)
from tracker.domain.errors import ImportRefused
from tracker.services.registry import ImportOptions, import_registry_file

V = "VCS-VCU-1507-VER-ET-14-1340-01012020-31122020-1"


DEFAULT_OPTIONS = ImportOptions(contract="C-1", deliver_retired=True)


@dataclass(frozen=True)
class Bad:
    name: str
    data: bytes
    row: int
    column: str
    says: str
    options: ImportOptions = DEFAULT_OPTIONS


CORPUS = [
    Bad("empty file", b"", 1, "header", "empty"),
    Bad("blank lines only", b"\r\n \r\n", 1, "header", "empty"),
    Bad("excel workbook", b"PK\x03\x04rest-of-zip", 1, "(file)", "Excel"),
    Bad("pdf document", b"%PDF-1.7\n...", 1, "(file)", "PDF"),
    Bad("nul bytes in utf-8", ACR_HEADER.encode() + b"\n\x00\x01\x02", 2, "(file)", "NUL"),
    Bad(
        "broken utf-16",
        b"\xff\xfe" + "a,b\n".encode("utf-16-le") + b"\x00\xd8\x41\x00",
        2,
        "(file)",
        "utf-16",
    ),
    Bad("neither utf-8 nor cp1252", ACR_HEADER.encode() + b"\n\x81\x8d\x90", 2, "(file)", "cp1252"),
    Bad(
        "unclosed quote",
        acr_file(acr_retirement(), '"ACR-US-1-2025-1-101 to 200,1/1/2025'),
        3,
        "(row)",
        "never closed",
    ),
    Bad("huge field", acr_file(acr_retirement(beneficiary="x" * 140_000)), 2, "(row)", "128 KiB"),
    Bad(
        "missing quantity column",
        acr_file().replace(b"Quantity of Credits,", b""),
        1,
        "header",
        "Quantity of Credits",
    ),
    Bad(
        "duplicated header",
        acr_file().replace(b"Vintage,", b"Project ID,"),
        1,
        "Project ID",
        "more than once",
    ),
    Bad("blank header name", acr_file().replace(b"Vintage,", b","), 1, "(column 3)", "no name"),
    Bad("unknown layout", b"foo,bar,baz\n1,2,3\n", 1, "header", "not a registry export"),
    Bad(
        "wrong --registry",
        acr_file(acr_retirement()),
        1,
        "header",
        "gold-standard",
        ImportOptions(registry="gold-standard", contract="C-1"),
    ),
    Bad("too many cells", acr_file(acr_retirement() + "extra,more"), 2, "(row)", "cells"),
    Bad(
        "negative quantity",
        acr_file(acr_retirement(quantity="-100")),
        2,
        "Quantity of Credits",
        "negative",
    ),
    Bad(
        "non-numeric quantity",
        acr_file(acr_retirement(quantity="lots")),
        2,
        "Quantity of Credits",
        "not a quantity",
    ),
    Bad(
        "zero quantity",
        acr_file(acr_retirement(quantity="0")),
        2,
        "Quantity of Credits",
        "greater than zero",
    ),
    Bad(
        "bad thousands grouping",
        acr_file(acr_retirement(quantity="1,00")),
        2,
        "Quantity of Credits",
        "not a quantity",
    ),
    Bad(
        "finer than a kilogram",
        acr_file(acr_retirement(quantity="100.0005")),
        2,
        "Quantity of Credits",
        "0.001 t",
    ),
    Bad(
        "impossible date",
        acr_file(acr_retirement(retired="2/30/2025")),
        2,
        "Status Effective (GMT)",
        "calendar date",
    ),
    Bad(
        "impossible time",
        acr_file(acr_retirement(retired="6/30/2025 13:43:26 PM")),
        2,
        "Status Effective (GMT)",
        "calendar date",
    ),
    Bad(
        "date in words",
        acr_file(acr_retirement(retired="yesterday")),
        2,
        "Status Effective (GMT)",
        "not a date",
    ),
    Bad(
        "missing date",
        acr_file(acr_retirement(retired="")),
        2,
        "Status Effective (GMT)",
        "required",
    ),
    Bad("impossible vintage", acr_file(acr_retirement(vintage="20X5")), 2, "Vintage", "vintage"),
    Bad(
        "unknown contract",
        acr_file(acr_retirement()),
        1,
        "--contract",
        "not a known",
        ImportOptions(contract="NOPE"),
    ),
    Bad(
        "unreadable serial",
        acr_file(acr_retirement(serial="ACR 1 to many")),
        2,
        "Credit Serial Numbers",
        "serial block",
    ),
    Bad(
        "serial ends before it starts",
        acr_file(acr_retirement(serial="ACR-US-1-2025-1-90 to 1")),
        2,
        "Credit Serial Numbers",
        "before it starts",
    ),
    Bad(
        "serials do not match quantity",
        acr_file(acr_retirement(serial="ACR-US-1-2025-1-1 to 90")),
        2,
        "Credit Serial Numbers",
        "holds 90 serials",
    ),
    Bad(
        "overlapping blocks in the file",
        verra_file(verra_delivery(), verra_delivery(serial=f"19386-1050-1149-{V}")),
        3,
        "Serial Number",
        "overlaps",
    ),
    Bad(
        "retired block never delivered",
        acr_file(acr_retirement()),
        2,
        "Credit Serial Numbers",
        "no delivery",
        ImportOptions(contract="C-1"),
    ),
    Bad(
        "unknown credit status",
        gs_file(gs_row(status="Frozen")),
        2,
        "Credit Status",
        "credit status",
    ),
    Bad(
        "retirement larger than holdings",
        iso_file(iso_retirement(kgs="999999999")),
        2,
        "credit_batch_size_total.credit_kgs",
        "more than",
        ImportOptions(contract="C-1"),
    ),
    Bad(
        "offset out of range",
        iso_file(iso_retirement(retired="2026-04-09T18:21:22+25:00")),
        2,
        "retired_at",
        "date",
        ImportOptions(contract="C-1"),
    ),
    Bad(
        "decimal comma file with a bad number",
        b"Serial Number;Quantity;Credit Status;GSID;Issuance Date\n"
        b"GS1-1-KE-GS1-16-2025-1-1-100;1,2,3;Issued;1;2026-03-31\n",
        2,
        "Quantity",
        "1.234,5",
    ),
    Bad(
        "tracker file naming an unknown contract",
        b"contract,delivered_on,tonnes,vintage,registry,serial_block,verification_status,"
        b"verifier,verified_on,reference\nNOPE,2025-01-01,1,2025,acr,ACR-X-1-1 to 1,verified,"
        b",2025-01-02,\n",
        2,
        "contract",
        "not a known",
    ),
]


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    make_contract(db, reference="C-1", registry="verra")
    other = make_contract(db, reference="OTHER", registry="verra")
    make_delivery(db, other, registry="verra", serial_block=f"19000-5001-5100-{V}")
    return db


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 30
    assert len({bad.name for bad in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("bad", CORPUS, ids=[bad.name for bad in CORPUS])
def test_bad_file_is_refused_naming_row_and_column(
    ledger: sqlite_utils.Database, tmp_path: Path, bad: Bad
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(bad.data)
    before = counts(ledger)

    with pytest.raises(ImportRefused) as refused:
        import_registry_file(ledger, path, bad.options)

    first = refused.value.errors[0]
    assert (first.row, first.column) == (bad.row, bad.column), str(refused.value)
    assert bad.says.lower() in first.reason.lower(), str(refused.value)
    assert f"row {bad.row}, column {bad.column}" in str(refused.value)
    assert counts(ledger) == before
