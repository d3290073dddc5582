"""``salesdesk import FILE`` and ``salesdesk export --format ... OUT``, for IT and scripts.

Import reads CSV/XLSX (encoding, delimiter and header detected; ``--mapping`` takes a
preset or a JSON file) or a SalesDesk JSON dump (a full restore). Everything happens in
one transaction: a refusal writes nothing. Output is in the rep's language with a summary
line (in English: ``imported N, merged N, unchanged N, skipped N, errors N``); the field
names, codes and option values in it stay as they are typed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesdesk.cli_i18n import translate
from salesdesk.config import Paths

if TYPE_CHECKING:
    from salesdesk.core.interchange.importer import ImportSummary
    from salesdesk.core.services import Services

EXIT_OK, EXIT_FAILED, EXIT_REFUSED = 0, 1, 2
LISTED = 20  # problem rows printed


def messages() -> dict[str, str]:
    """The rep's words for the interchange error codes (salesdesk.core.interchange.errors)
    and the row-level field codes (salesdesk.core.validation)."""
    return {
        "empty_file": translate("CliInterchange", "the file is empty"),
        "binary_file": translate(
            "CliInterchange", "this is not a text (CSV) file or an Excel workbook"
        ),
        "old_or_locked_workbook": translate(
            "CliInterchange",
            "an older Excel file (.xls) or a password-protected workbook:"
            " save it from Excel as .xlsx without a password, or as CSV",
        ),
        "unknown_encoding": translate(
            "CliInterchange",
            "the text encoding could not be recognised; pass --encoding "
            "(e.g. cp932 for Japanese Excel, utf-8)",
        ),
        "wrong_encoding": translate(
            "CliInterchange",
            "the file cannot be read with this encoding; try another --encoding",
        ),
        "malformed_csv": translate(
            "CliInterchange", "the CSV is damaged (a quote that is never closed?)"
        ),
        "malformed_vcard": translate("CliInterchange", "the vCard file is damaged"),
        "field_too_large": translate(
            "CliInterchange", "a cell is too large (over 1,048,576 characters)"
        ),
        "unreadable_file": translate("CliInterchange", "the file cannot be read"),
        "no_company_column": translate(
            "CliInterchange", "no column is mapped to the company; pass --mapping"
        ),
        "invalid_rows": translate(
            "CliInterchange",
            "some rows are not valid; nothing was imported (add --skip-invalid to "
            "import the others)",
        ),
        "cancelled": translate("CliInterchange", "cancelled; nothing was imported"),
        "unencodable": translate(
            "CliInterchange",
            "some characters cannot be written in this encoding; nothing was "
            "written (use UTF-8, or --replace-unencodable to write them as ?)",
        ),
        "not_a_dump": translate("CliInterchange", "not a SalesDesk JSON dump, or a damaged one"),
        "newer_dump": translate("CliInterchange", "the dump comes from a newer SalesDesk"),
        "not_empty": translate(
            "CliInterchange",
            "the data file already has data; add --replace to replace all of it",
        ),
        "unknown_preset": translate(
            "CliInterchange",
            "unknown mapping (use google, outlook, salesdesk or a JSON file)",
        ),
        "ragged_row": translate("CliInterchange", "more cells than the header has columns"),
        "required": translate("CliInterchange", "required"),
        "invalid_email": translate("CliInterchange", "not a valid e-mail address"),
        "invalid_phone": translate("CliInterchange", "not a valid phone number"),
        "unknown_choice": translate("CliInterchange", "not one of the allowed values"),
    }


def message(code: str) -> str:
    """The rep's words for an error code; an unknown code as it is."""
    return messages().get(code, code)


def add_interchange_parsers(commands: Any) -> None:
    """Register ``import`` and ``export`` on ``salesdesk``'s sub-parsers."""
    imp = commands.add_parser(
        "import",
        help=translate("CliInterchange", "import prospects from CSV/XLSX/vCard, or a JSON dump"),
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--mapping",
        metavar="PRESET|FILE.json",
        help=translate("CliInterchange", "google, outlook, salesdesk, or a JSON file"),
    )
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=translate("CliInterchange", "check and count; write nothing"),
    )
    imp.add_argument(
        "--encoding", help=translate("CliInterchange", "text encoding (default: detected)")
    )
    imp.add_argument(
        "--delimiter", help=translate("CliInterchange", "column delimiter (default: detected)")
    )
    imp.add_argument(
        "--no-header",
        action="store_true",
        help=translate("CliInterchange", "the first row is data"),
    )
    imp.add_argument(
        "--sheet",
        help=translate("CliInterchange", "the workbook's sheet to read (default: the list's)"),
    )
    imp.add_argument(
        "--skip-rows",
        type=int,
        metavar="N",
        help=translate("CliInterchange", "rows above the header (default: detected)"),
    )
    imp.add_argument(
        "--skip-invalid",
        action="store_true",
        help=translate("CliInterchange", "import the valid rows"),
    )
    imp.add_argument(
        "--on-duplicate",
        choices=["fill", "overwrite", "skip"],
        default="fill",
        help=translate(
            "CliInterchange",
            "rows matching an existing prospect: fill its empty fields (default), "
            "overwrite --overwrite-fields, or skip",
        ),
    )
    imp.add_argument(
        "--overwrite-fields",
        default="",
        metavar="F1,F2",
        help=translate("CliInterchange", "the fields --on-duplicate overwrite replaces"),
    )
    imp.add_argument(
        "--replace",
        action="store_true",
        help=translate("CliInterchange", "JSON dump: replace all data"),
    )
    exp = commands.add_parser(
        "export",
        help=translate(
            "CliInterchange", "export prospects (CSV/XLSX), everything (JSON), follow-ups (ICS)"
        ),
    )
    exp.add_argument("--format", required=True, choices=["csv", "xlsx", "json", "ics"])
    exp.add_argument("out", metavar="OUT")
    exp.add_argument(
        "--encoding",
        default="utf-8-sig",
        help=translate("CliInterchange", "CSV: utf-8-sig (default) or cp932"),
    )
    exp.add_argument(
        "--replace-unencodable",
        action="store_true",
        help=translate("CliInterchange", "CSV: write characters the encoding cannot hold as ?"),
    )
    exp.add_argument(
        "--search",
        default="",
        help=translate("CliInterchange", "CSV/XLSX: only prospects matching this"),
    )
    exp.add_argument(
        "--stage", help=translate("CliInterchange", "CSV/XLSX: only prospects at this stage")
    )


def handlers(paths: Paths) -> dict[tuple[str, None], Callable[[argparse.Namespace, Services], int]]:
    """The dispatch entries for cli._run."""
    return {
        ("import", None): lambda a, s: run_import(a, s, paths),
        ("export", None): run_export,
    }


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _fail(exc: Exception) -> int:
    from salesdesk.core.interchange.errors import InterchangeError

    assert isinstance(exc, InterchangeError)
    where = ""
    if exc.line is not None:
        where = " (" + translate("CliInterchange", "line {0}").format(exc.line) + ")"
    detail = f": {exc.detail}" if exc.detail and exc.code in ("unencodable", "newer_dump") else ""
    _err("error" + where + ": " + message(exc.code) + detail)
    return EXIT_REFUSED


def summary_line(s: ImportSummary) -> str:
    return translate(
        "CliInterchange",
        "imported {0}, merged {1}, unchanged {2}, skipped {3}, errors {4} (contacts added {5})",
    ).format(s.imported, s.merged, s.unchanged, s.skipped, s.errors, s.contacts_added)


def _problems(s: ImportSummary) -> None:
    words = messages()
    for p in s.problems[:LISTED]:  # the field names as --overwrite-fields takes them
        reasons = translate("CliInterchange", "; ").join(
            f"{k}: {words.get(v, v)}" for k, v in p.errors.items()
        )
        _err(
            translate("CliInterchange", "line {0} {1}: {2}").format(
                p.line, repr(p.company), reasons
            )
        )
    if s.errors > LISTED:
        _err(translate("CliInterchange", "... and {0} more").format(s.errors - LISTED))


def _backup_before_import(services: Services, paths: Paths, label: str = "") -> Path | None:
    """The way back from an import (``salesdesk backup restore``); None for a new list."""
    from salesdesk.core.backup import PRE_IMPORT, backup_before_change

    db_path = services.db.path
    if db_path is None:
        return None
    return backup_before_change(
        db_path, paths.ensure().backups, label or PRE_IMPORT, services.clock
    )


def run_import(args: argparse.Namespace, services: Services, paths: Paths) -> int:
    from salesdesk.core.backup import BackupError, settle_backup
    from salesdesk.core.interchange import importer as imp
    from salesdesk.core.interchange import mapping as m
    from salesdesk.core.interchange import source
    from salesdesk.core.interchange.errors import InterchangeError

    path = Path(args.file)
    try:
        if _is_dump(path):
            from salesdesk.core.backup import PRE_RESTORE
            from salesdesk.core.interchange.dump import import_dump

            if args.dry_run:  # read and written in a transaction rolled back: nothing changes
                done = import_dump(services.db, path, replace=args.replace, dry_run=True)
                rows = ", ".join(f"{t} {n}" for t, n in done.tables.items())
                print(
                    translate(
                        "CliInterchange", "dry run (nothing written): would restore {0}"
                    ).format(rows)
                )  # the tables by their names in the dump
                return EXIT_OK
            backup = _backup_before_import(services, paths, PRE_RESTORE) if args.replace else None
            try:
                done = import_dump(services.db, path, replace=args.replace)
            except BaseException:
                settle_backup(backup, changed=False)  # rolled back: the data is as it was
                raise
            backup = settle_backup(backup, changed=True)
            rows = ", ".join(f"{t} {n}" for t, n in done.tables.items())
            print(translate("CliInterchange", "restored {0}").format(rows))
            if backup is not None:
                print(
                    translate(
                        "CliInterchange", "backup of the data before the restore: {0}"
                    ).format(backup.name)
                )
            return EXIT_OK
        fmt = source.detect(path)
        if args.encoding and fmt.kind != source.XLSX:
            fmt = fmt.with_(encoding=args.encoding)
        if args.delimiter:
            fmt = fmt.with_(delimiter=args.delimiter.replace("\\t", "\t"))
        if args.sheet and fmt.kind == source.XLSX:
            fmt = source.detect_sheet(path, args.sheet)
        if args.skip_rows is not None:
            fmt = fmt.with_(skip_rows=max(0, args.skip_rows))
        if args.no_header:
            fmt = fmt.with_(has_header=False)
        headers, _rows = source.preview(path, fmt, 1)
        store = m.MappingStore.in_data_dir(paths.data_dir)
        if args.mapping and Path(args.mapping).suffix.lower() == ".json":
            mapping = m.load_mapping_file(Path(args.mapping))
        elif args.mapping:
            mapping = m.preset_mapping(args.mapping, headers)
        else:
            mapping = store.recall(headers) or m.guess_mapping(headers)
        fields = frozenset(f.strip() for f in args.overwrite_fields.split(",") if f.strip())
        options = imp.ImportOptions(
            mapping=mapping,
            skip_invalid=args.skip_invalid,
            default_decision=imp.Decision(args.on_duplicate, fields),
            dry_run=args.dry_run,
        )
        show_progress = sys.stderr.isatty()

        def progress(rows: int, fraction: float) -> None:
            if show_progress:
                shown = translate("CliInterchange", "%n row(s) ({0})", None, rows)
                print("\r" + shown.format(f"{fraction:.0%}"), end="", file=sys.stderr, flush=True)

        backup = None if args.dry_run else _backup_before_import(services, paths)
        try:
            summary = imp.run_import(services.db, path, fmt, options, services.clock, progress)
        except BaseException:
            settle_backup(backup, changed=False)  # nothing was written: not needed
            raise
        finally:
            if show_progress:
                print(file=sys.stderr)
        backup = settle_backup(backup, summary.changed)  # one that changed nothing: none
        if backup is not None:
            print(
                translate("CliInterchange", "backup of the data before the import: {0}").format(
                    backup.name
                )
            )
    except imp.ImportRefused as exc:
        _problems(exc.summary)
        _fail(exc)
        print(
            translate("CliInterchange", "{0} — nothing was imported").format(
                summary_line(exc.summary)
            )
        )
        return EXIT_REFUSED
    except InterchangeError as exc:
        return _fail(exc)
    except BackupError as exc:
        _err(
            "salesdesk: "
            + translate(
                "CliInterchange", "nothing was imported: the backup before it failed: {0}"
            ).format(exc)
        )
        return EXIT_FAILED
    _problems(summary)
    matched = summary.match_count  # (lupdate reads a plain name as the count)
    if matched:
        print(
            translate(
                "CliInterchange", "%n row(s) matched existing prospects ({0})", None, matched
            ).format(args.on_duplicate)
        )
    if not args.dry_run:
        store.remember(headers, mapping)
    if args.dry_run:
        print(
            translate("CliInterchange", "dry run (nothing written): {0}").format(
                summary_line(summary)
            )
        )
    else:
        print(summary_line(summary))
    return EXIT_OK


def _is_dump(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(64).lstrip().startswith(b'{"format": "salesdesk-dump"')
    except OSError:
        return False


def run_export(args: argparse.Namespace, services: Services) -> int:
    from salesdesk.core.interchange.errors import InterchangeError

    out = Path(args.out)
    try:
        if args.format == "json":
            from salesdesk.core.interchange.dump import export_dump

            done = export_dump(services.db, out)
            rows = ", ".join(f"{t} {n}" for t, n in done.tables.items())  # the dump's names
            print(translate("CliInterchange", "wrote {0}: {1}").format(out, rows))
        elif args.format == "ics":
            from salesdesk.core.interchange.ics import export_ics

            events = export_ics(services.db, out)
            print(translate("CliInterchange", "wrote {0}: %n event(s)", None, events).format(out))
        else:
            from salesdesk.core.enums import Stage
            from salesdesk.core.interchange.export import export_prospects
            from salesdesk.core.listing import ProspectQuery

            ids = None
            if args.search or args.stage:
                query = ProspectQuery(
                    search=args.search, stage=Stage(args.stage) if args.stage else None
                )
                ids = services.listing.ids(query)
            s = export_prospects(
                services.db, out, args.format, ids, args.encoding, args.replace_unencodable
            )
            count, written = s.prospects, s.rows  # (lupdate reads plain names as counts)
            rows = translate("CliInterchange", "%n row(s)", None, written)
            print(
                translate("CliInterchange", "wrote {0}: %n prospect(s), {1}", None, count).format(
                    out, rows
                )
            )
            for u in s.unencodable[:LISTED]:
                _err(
                    translate("CliInterchange", "row {0} {1}: {2} written as ?").format(
                        u.row, u.column, repr(u.characters)
                    )
                )
    except InterchangeError as exc:
        if exc.code == "unencodable":
            _err(
                translate("CliInterchange", "cannot be written in {0}: {1}").format(
                    args.encoding, exc.detail
                )
            )
            for u in getattr(exc, "cells", [])[:LISTED]:
                _err(
                    translate("CliInterchange", "row {0} {1}: {2}").format(
                        u.row, u.column, repr(u.characters)
                    )
                )
        return _fail(exc)
    except OSError as exc:
        _err(f"error: {exc}")
        return EXIT_FAILED
    return EXIT_OK
