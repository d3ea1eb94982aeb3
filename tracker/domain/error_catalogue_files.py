"""The English templates of why a file, or a row of it, is refused: registry exports and
import files, rows the registry import skips, which layout a file is, reading a file
(kind, encoding, CSV structure, header, size), a tracker file's header and a file refused
as a whole.  Part of ``error_catalogue.ERROR_TEMPLATES`` (context ``Errors``).
"""

from __future__ import annotations

from tracker.domain.translation_marks import QT_TRANSLATE_NOOP, translate

FILE_ERROR_TEMPLATES: dict[str, str] = {
    # --- registry exports and import files -------------------------------------------
    "error.registry_date_required": QT_TRANSLATE_NOOP(
        "Errors",
        "is required (a date: M/D/YYYY [h:mm:ss AM], DD.MM.YYYY or ISO 8601 "
        "(YYYY-MM-DD[Thh:mm:ss[.ffffff][Z]]))",
    ),
    "error.not_a_calendar_date": QT_TRANSLATE_NOOP("Errors", "is not a real calendar date"),
    "error.not_a_registry_date": QT_TRANSLATE_NOOP(
        "Errors",
        "is not a date (M/D/YYYY [h:mm:ss AM], DD.MM.YYYY or ISO 8601 "
        "(YYYY-MM-DD[Thh:mm:ss[.ffffff][Z]]))",
    ),
    "error.quantity_required": QT_TRANSLATE_NOOP("Errors", "is required (a quantity)"),
    "error.not_a_quantity": QT_TRANSLATE_NOOP(
        "Errors", "is not a quantity (digits, grouped like {style})"
    ),
    "error.not_whole_kilograms": QT_TRANSLATE_NOOP("Errors", "is not a whole number of kilograms"),
    "error.not_a_vintage": QT_TRANSLATE_NOOP(
        "Errors", "is not a vintage year between 1900 and 2200"
    ),
    "error.not_a_credit_status": QT_TRANSLATE_NOOP(
        "Errors", "is not a credit status this tracker reads ({allowed})"
    ),
    "error.not_a_puro_type": QT_TRANSLATE_NOOP(
        "Errors", "is not RETIREMENT, TRANSFER or CANCELLATION"
    ),
    "error.block_needs_contract": QT_TRANSLATE_NOOP(
        "Errors",
        "no contract holds this serial block yet: choose the contract the credits "
        "belong to (--contract REF)",
    ),
    "error.already_delivered_under": QT_TRANSLATE_NOOP(
        "Errors", "is already delivered under contract {other}, not {contract}"
    ),
    "error.was_delivered_under": QT_TRANSLATE_NOOP(
        "Errors", "was delivered under contract {other}, not {contract}"
    ),
    "error.retired_block_not_delivered": QT_TRANSLATE_NOOP(
        "Errors",
        "is in no delivery of the ledger: import its delivery first, or record it as "
        "delivered and retired (--deliver-retired)",
    ),
    "error.retirement_needs_contract": QT_TRANSLATE_NOOP(
        "Errors",
        "this retirement has no serial numbers: choose the contract it draws from "
        "(--contract REF); credits are drawn oldest vintage first",
    ),
    "error.project_of_several_contracts": QT_TRANSLATE_NOOP(
        "Errors",
        "project {project} belongs to contracts {contracts}: choose the contract (--contract REF)",
    ),
    # a list: "A, B and C" ("A、B 和 C"): the last two joined, each one before by a comma
    "error.and": QT_TRANSLATE_NOOP("Errors", "{first} and {last}"),
    "error.list": QT_TRANSLATE_NOOP("Errors", "{first}, {rest}"),
    # --- registry rows skipped by the import (the preview's reasons) ----------------
    "error.skip_other_buyer": QT_TRANSLATE_NOOP(
        "Errors",
        "belongs to another buyer ({party}): not one of your own names (Tools → Audit settings)",
    ),
    "error.skip_block_of_other_contract": QT_TRANSLATE_NOOP(
        "Errors",
        "its serial block was delivered under contract {other}, not {contract} (--contract)",
    ),
    "error.skip_project_not_of_contract": QT_TRANSLATE_NOOP(
        "Errors",
        "project {project} is not a project of contract {contract} "
        "(its registry project ids: {ids})",
    ),
    "error.skip_project_of_no_contract": QT_TRANSLATE_NOOP(
        "Errors",
        "project {project} ({registry}) belongs to no contract: add it to the contract's "
        "registry project ids to import it",
    ),
    "error.skip_project_of_other_contract": QT_TRANSLATE_NOOP(
        "Errors", "project {project} belongs to contract {contracts}, not {contract} (--contract)"
    ),
    "error.skip_cancellation": QT_TRANSLATE_NOOP(
        "Errors",
        "a cancellation: cancelled credits are never a delivery or a retirement of yours "
        "(reconcile compares them with your deliveries)",
    ),
    "error.skip_issuance_summary": QT_TRANSLATE_NOOP(
        "Errors",
        "a project-level issuance without serial numbers: credits issued to the project, "
        "not delivered to your account (import the transfer or retirement report for "
        "deliveries)",
    ),
    "error.no_project_ids": QT_TRANSLATE_NOOP(
        "Errors",
        "contract {contract} lists no registry project ids, so rows of any project were "
        "taken as its own: add its project ids to the contract",
    ),
    # --- which layout a file is ------------------------------------------------------
    "error.not_one_of": QT_TRANSLATE_NOOP("Errors", "is not one of {allowed}"),
    "error.not_a_registry_export": QT_TRANSLATE_NOOP(
        "Errors",
        "is not a registry export this tracker reads: closest is {layout}, which needs the "
        "column(s) {columns}",
    ),
    "error.not_an_export_of": QT_TRANSLATE_NOOP(
        "Errors",
        "is not a {registry} export this tracker reads: closest is {layout}, which needs "
        "the column(s) {columns}",
    ),
    # --- reading a file: its kind, encoding, CSV structure, header and size ----------
    "error.not_a_csv_file": QT_TRANSLATE_NOOP("Errors", "is not a CSV file: it is {what}"),
    "error.file_is_xlsx": QT_TRANSLATE_NOOP(
        "Errors", "a ZIP or Excel workbook (.xlsx); save it as CSV first"
    ),
    "error.file_is_xls": QT_TRANSLATE_NOOP(
        "Errors", "an old Excel workbook (.xls); save it as CSV first"
    ),
    "error.file_is_pdf": QT_TRANSLATE_NOOP("Errors", "a PDF document"),
    "error.file_is_png": QT_TRANSLATE_NOOP("Errors", "a PNG image"),
    "error.nul_bytes": QT_TRANSLATE_NOOP(
        "Errors", "contains NUL bytes: not a text CSV file (wrong encoding?)"
    ),
    "error.undecodable_byte": QT_TRANSLATE_NOOP(
        "Errors",
        "byte {offset} cannot be read as {encoding} (nor as UTF-8): save the file as UTF-8 CSV",
    ),
    "error.not_utf16": QT_TRANSLATE_NOOP("Errors", "is not valid UTF-16 text"),
    "error.cell_count": QT_TRANSLATE_NOOP("Errors", "has {cells} cells but the header has {width}"),
    "error.cell_too_long": QT_TRANSLATE_NOOP(
        "Errors", "a cell is longer than {kib} KiB (an unclosed quote?)"
    ),
    "error.unclosed_quote": QT_TRANSLATE_NOOP(
        "Errors", "a quoted cell is never closed (unclosed quote)"
    ),
    "error.unreadable_csv": QT_TRANSLATE_NOOP("Errors", "unreadable CSV: {detail}"),
    "error.file_empty": QT_TRANSLATE_NOOP("Errors", "the file is empty"),
    "error.header_name_missing": QT_TRANSLATE_NOOP("Errors", "has no name in the header"),
    "error.header_name_repeated": QT_TRANSLATE_NOOP(
        "Errors", "appears more than once in the header"
    ),
    "error.header_row_too_long": QT_TRANSLATE_NOOP(
        "Errors", "the header row is longer than 1 MiB; not a CSV file"
    ),
    "error.too_many_columns": QT_TRANSLATE_NOOP(
        "Errors",
        "has at least {columns} columns; a tracker or registry file has at most {most}. "
        "Check that this is the right file",
    ),
    "error.tracker_file_not_export": QT_TRANSLATE_NOOP(
        "Errors", "is a tracker file, not a registry export"
    ),
    # --- a tracker file's header -----------------------------------------------------
    "error.separator_used": QT_TRANSLATE_NOOP("Errors", "the file uses {separator} as separator"),
    "error.tab": QT_TRANSLATE_NOOP("Errors", "tab"),
    "error.lacks_column": QT_TRANSLATE_NOOP(
        "Errors", "{uses} and lacks column {column} (expected: {expected})"
    ),
    "error.not_a_kind_column": QT_TRANSLATE_NOOP("Errors", "is not a {kind} column ({uses})"),
    "error.mixed_date_order": QT_TRANSLATE_NOOP(
        "Errors", "mixes day-first and month-first dates: use YYYY-MM-DD"
    ),
    "error.delivery_reference_required": QT_TRANSLATE_NOOP(
        "Errors", "is required (a delivery's reference)"
    ),
    "error.matches_no_delivery": QT_TRANSLATE_NOOP("Errors", "matches no delivery"),
    "error.matches_several_deliveries": QT_TRANSLATE_NOOP(
        "Errors", "matches {count} deliveries; it must be unique"
    ),
    # --- a file refused as a whole (worded by the window; ImportRefused for the CLI) ---
    "error.file_refused": translate(
        "Errors", "{source}: %Ln error(s), nothing was imported:", None, 2
    ),
    "error.row_refused": QT_TRANSLATE_NOOP("Errors", "row {row}, column {column}: {reason}"),
    "error.more_rows_refused": translate("Errors", "… and %Ln more", None, 2),
}
