"""``salesdesk import FILE`` and ``salesdesk export --format ... OUT``, for IT and scripts.

Import reads CSV/XLSX (encoding, delimiter and header detected; ``--mapping`` takes a
preset or a JSON file) or a SalesDesk JSON dump (a full restore). Everything happens in
one transaction: a refusal writes nothing. Output is plain English with a summary line:
``imported N, merged N, unchanged N, skipped N, errors N``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesdesk.config import Paths

if TYPE_CHECKING:
    from salesdesk.core.interchange.importer import ImportSummary
    from salesdesk.core.services import Services

EXIT_OK, EXIT_FAILED, EXIT_REFUSED = 0, 1, 2
LISTED = 20  # problem rows printed

#: Plain English for the interchange error codes (salesdesk.core.interchange.errors).
MESSAGES = {
    "empty_file": "the file is empty",
    "binary_file": "this is not a text (CSV) file or an Excel workbook",
    "old_or_locked_workbook": "an older Excel file (.xls) or a password-protected workbook:"
    " save it from Excel as .xlsx without a password, or as CSV",
    "unknown_encoding": "the text encoding could not be recognised; pass --encoding "
    "(e.g. cp932 for Japanese Excel, utf-8)",
    "wrong_encoding": "the file cannot be read with this encoding; try another --encoding",
    "malformed_csv": "the CSV is damaged (a quote that is never closed?)",
    "malformed_vcard": "the vCard file is damaged",
    "field_too_large": "a cell is too large (over 1,048,576 characters)",
    "unreadable_file": "the file cannot be read",
    "no_company_column": "no column is mapped to the company; pass --mapping",
    "invalid_rows": "some rows are not valid; nothing was imported (add --skip-invalid to "
    "import the others)",
    "cancelled": "cancelled; nothing was imported",
    "unencodable": "some characters cannot be written in this encoding; nothing was "
    "written (use UTF-8, or --replace-unencodable to write them as ?)",
    "not_a_dump": "not a SalesDesk JSON dump, or a damaged one",
    "newer_dump": "the dump comes from a newer SalesDesk",
    "not_empty": "the data file already has data; add --replace to replace all of it",
    "unknown_preset": "unknown mapping (use google, outlook, salesdesk or a JSON file)",
    "ragged_row": "more cells than the header has columns",
    "required": "required",
    "invalid_email": "not a valid e-mail address",
    "invalid_phone": "not a valid phone number",
    "unknown_choice": "not one of the allowed values",
}


def add_interchange_parsers(commands: Any) -> None:
    """Register ``import`` and ``export`` on ``salesdesk``'s sub-parsers."""
    imp = commands.add_parser("import", help="import prospects from CSV/XLSX/vCard, or a JSON dump")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--mapping", metavar="PRESET|FILE.json", help="google, outlook, salesdesk, or a JSON file"
    )
    imp.add_argument("--dry-run", action="store_true", help="check and count; write nothing")
    imp.add_argument("--encoding", help="text encoding (default: detected)")
    imp.add_argument("--delimiter", help="column delimiter (default: detected)")
    imp.add_argument("--no-header", action="store_true", help="the first row is data")
    imp.add_argument("--sheet", help="the workbook's sheet to read (default: the list's)")
    imp.add_argument(
        "--skip-rows", type=int, metavar="N", help="rows above the header (default: detected)"
    )
    imp.add_argument("--skip-invalid", action="store_true", help="import the valid rows")
    imp.add_argument(
        "--on-duplicate",
        choices=["fill", "overwrite", "skip"],
        default="fill",
        help="rows matching an existing prospect: fill its empty fields (default), "
        "overwrite --overwrite-fields, or skip",
    )
    imp.add_argument("--overwrite-fields", default="", metavar="F1,F2", help="for overwrite")
    imp.add_argument("--replace", action="store_true", help="JSON dump: replace all data")
    exp = commands.add_parser("export", help="export prospects (CSV/XLSX), everything (JSON), "
                              "follow-ups (ICS)")  # fmt: skip
    exp.add_argument("--format", required=True, choices=["csv", "xlsx", "json", "ics"])
    exp.add_argument("out", metavar="OUT")
    exp.add_argument("--encoding", default="utf-8-sig", help="CSV: utf-8-sig (default) or cp932")
    exp.add_argument("--replace-unencodable", action="store_true", help="CSV: write them as ?")
    exp.add_argument("--search", default="", help="CSV/XLSX: only prospects matching this")
    exp.add_argument("--stage", help="CSV/XLSX: only prospects at this stage")


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
    where = f" (line {exc.line})" if exc.line is not None else ""
    detail = f": {exc.detail}" if exc.detail and exc.code in ("unencodable", "newer_dump") else ""
    _err(f"error{where}: {MESSAGES.get(exc.code, exc.code)}{detail}")
    return EXIT_REFUSED


def summary_line(s: ImportSummary) -> str:
    return (
        f"imported {s.imported}, merged {s.merged}, unchanged {s.unchanged}, "
        f"skipped {s.skipped}, errors {s.errors} (contacts added {s.contacts_added})"
    )


def _problems(s: ImportSummary) -> None:
    for p in s.problems[:LISTED]:
        reasons = "; ".join(f"{k}: {MESSAGES.get(v, v)}" for k, v in p.errors.items())
        _err(f"line {p.line} {p.company!r}: {reasons}")
    if s.errors > LISTED:
        _err(f"... and {s.errors - LISTED} more")


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
                print(f"dry run (nothing written): would restore {rows}")
                return EXIT_OK
            backup = _backup_before_import(services, paths, PRE_RESTORE) if args.replace else None
            try:
                done = import_dump(services.db, path, replace=args.replace)
            except BaseException:
                settle_backup(backup, changed=False)  # rolled back: the data is as it was
                raise
            backup = settle_backup(backup, changed=True)
            rows = ", ".join(f"{t} {n}" for t, n in done.tables.items())
            print(f"restored {rows}")
            if backup is not None:
                print(f"backup of the data before the restore: {backup.name}")
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
                print(f"\r{rows} rows ({fraction:.0%})", end="", file=sys.stderr, flush=True)

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
            print(f"backup of the data before the import: {backup.name}")
    except imp.ImportRefused as exc:
        _problems(exc.summary)
        _fail(exc)
        print(summary_line(exc.summary) + " — nothing was imported")
        return EXIT_REFUSED
    except InterchangeError as exc:
        return _fail(exc)
    except BackupError as exc:
        print(f"salesdesk: nothing was imported: the backup before it failed: {exc}",
              file=sys.stderr)  # fmt: skip
        return EXIT_FAILED
    _problems(summary)
    if summary.match_count:
        print(f"{summary.match_count} rows matched existing prospects ({args.on_duplicate})")
    if not args.dry_run:
        store.remember(headers, mapping)
    print(("dry run (nothing written): " if args.dry_run else "") + summary_line(summary))
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
            print(f"wrote {out}: " + ", ".join(f"{t} {n}" for t, n in done.tables.items()))
        elif args.format == "ics":
            from salesdesk.core.interchange.ics import export_ics

            print(f"wrote {out}: {export_ics(services.db, out)} events")
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
            print(f"wrote {out}: {s.prospects} prospects, {s.rows} rows")
            for u in s.unencodable[:LISTED]:
                _err(f"row {u.row} {u.column}: {u.characters!r} written as ?")
    except InterchangeError as exc:
        if exc.code == "unencodable":
            _err(f"cannot be written in {args.encoding}: {exc.detail}")
            for u in getattr(exc, "cells", [])[:LISTED]:
                _err(f"row {u.row} {u.column}: {u.characters!r}")
        return _fail(exc)
    except OSError as exc:
        _err(f"error: {exc}")
        return EXIT_FAILED
    return EXIT_OK
