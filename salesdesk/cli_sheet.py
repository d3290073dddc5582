"""``salesdesk sheet``: call sheets and the day's call list as PDF, without the window.

    salesdesk sheet --prospect ID [ID ...] --pdf OUT [--lang ja|en] [--letter] [--progress]
    salesdesk sheet --day YYYY-MM-DD --pdf OUT [--compact] [--no-overdue] [--limit N]

``--day`` prints one sheet per prospect planned or due that day (overdue first), or with
``--compact`` one table of them. Without a display Qt is started offscreen, so this runs
on a server or in CI. The PDF is written as ``OUT.part`` and renamed to OUT once
complete: a failed or interrupted run never leaves half a PDF under the name asked for.

``--progress`` is for programs (the window's PDF export runs this command as a child
process): stdout gets one ``done/total`` line when the number of sheets is known and
after each sheet, and ``pages N`` once the PDF is complete, each line flushed.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from salesdesk.cli_i18n import translate

if TYPE_CHECKING:
    from salesdesk.config import Paths
    from salesdesk.core.services import Services


def add_parser(commands: Any) -> None:
    """Add the ``sheet`` command to the CLI's sub-command parsers."""
    sheet = commands.add_parser(
        "sheet", help=translate("CliSheet", "print a call sheet or the day's call list as PDF")
    )
    target = sheet.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--prospect",
        nargs="+",
        metavar="ID",
        help=translate("CliSheet", "call sheets of these prospects, in this order"),
    )
    target.add_argument(
        "--day", metavar="YYYY-MM-DD", help=translate("CliSheet", "the call list of this day")
    )
    sheet.add_argument(
        "--pdf", required=True, metavar="OUT", help=translate("CliSheet", "the PDF file to write")
    )
    sheet.add_argument(
        "--lang",
        dest="sheet_lang",
        choices=["ja", "en"],
        help=translate("CliSheet", "language of the sheet"),
    )
    sheet.add_argument(
        "--letter", action="store_true", help=translate("CliSheet", "US Letter instead of A4")
    )
    sheet.add_argument(
        "--compact", action="store_true", help=translate("CliSheet", "--day: one table, not sheets")
    )
    sheet.add_argument(
        "--no-overdue", action="store_true", help=translate("CliSheet", "--day: leave overdue out")
    )
    sheet.add_argument(
        "--limit",
        type=int,
        default=0,
        metavar="N",
        help=translate("CliSheet", "--day: first N prospects (0: all)"),
    )
    sheet.add_argument(
        "--progress",
        action="store_true",
        help=translate(
            "CliSheet", "print 'done/total' per sheet and 'pages N' at the end (for programs)"
        ),
    )


def _gui_app(language: str) -> tuple[Any, Any, bool]:
    """A QGuiApplication (offscreen when there is no display) with the language installed;
    also its translations and whether the application was already running."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from salesdesk.cli_i18n import application
    from salesdesk.ui.i18n import Translations

    existing = QCoreApplication.instance()
    if existing is not None and not isinstance(existing, QGuiApplication):
        # Made by the commands' start without drawing: a sheet needs fonts and painting.
        raise RuntimeError("the sheet command needs a QGuiApplication")
    app = existing or application(drawing=True)
    translations = Translations(app)
    translations.install(language)
    return app, translations, existing is not None


def _progress_stream() -> TextIO | None:
    """Where ``--progress`` lines go: stdout, or its file descriptor when Python has no
    stdout object (a windowed frozen app started with a pipe); None when neither exists."""
    if sys.stdout is not None:
        return sys.stdout
    try:
        return open(1, "w", encoding="utf-8", closefd=False)
    except OSError:
        return None


def run(args: argparse.Namespace, services: Services, paths: Paths) -> int:
    """Write the PDF; returns the exit code."""
    from salesdesk.cli import EXIT_FAILED, EXIT_OK, Refused, _resolve_prospect
    from salesdesk.config import Settings
    from salesdesk.core.sheets import SheetService
    from salesdesk.ui.i18n import pick_language

    language = args.sheet_lang or args.lang or pick_language(Settings.load(paths).language)
    out = Path(args.pdf)
    if not out.parent.is_dir():
        raise Refused(translate("CliSheet", "the folder {0} does not exist").format(out.parent))
    if out.is_dir():
        raise Refused(translate("CliSheet", "{0} is a folder").format(out))
    day: date | None = None
    if args.day is not None:
        try:
            day = date.fromisoformat(args.day)
        except ValueError:
            raise Refused(
                translate("CliSheet", "--day {0}: write the day as YYYY-MM-DD").format(args.day)
            ) from None
        prospect_ids: list[str] = []
    else:
        prospect_ids = [_resolve_prospect(services, pid) for pid in args.prospect]
    stream = _progress_stream() if args.progress else None
    sheets = [0]  # how many sheets the job has, once known

    def progress(done: int, total: int) -> None:
        sheets[0] = total
        if stream is not None:
            print(f"{done}/{total}", file=stream, flush=True)

    # In the rep's language: the sheet's (--lang) is installed while the PDF is drawn.
    no_font = translate(
        "CliSheet",
        "the IPA P Gothic font was not found (install fonts-ipafont-gothic); "
        "Japanese text may print as boxes",
    )
    app, translations, hosted = _gui_app(language)
    from salesdesk.ui.sheet_render import (
        PackJob,
        PageSetup,
        font_available,
        partial_path,
        pdf_writer,
        render_job,
    )

    if not font_available():
        print("warning: " + no_font, file=sys.stderr)
    compact = day is not None and args.compact
    limit = args.limit or None
    job = PackJob(
        prospect_ids,
        day=day,
        compact=compact,
        include_overdue=not args.no_overdue,
        limit=limit,
        setup=PageSetup(letter=args.letter, landscape=compact),
        title=out.stem,
    )
    part = partial_path(out)
    try:
        writer = pdf_writer(part, job.setup, job.title)
        pages = render_job(services.db, job, writer, progress=progress)
        del writer  # the PDF is complete (and its file closed) once the writer is gone
        os.replace(part, out)
    except OSError as exc:
        print(f"error: {out}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        part.unlink(missing_ok=True)  # only there when something went wrong
        if hosted:  # a running application gets its own language back
            translations.remove()
    del app  # kept alive until the PDF is written
    if day is not None:
        found = sheets[0]
        if compact:  # one table: count its rows
            found = SheetService(services.db).count_calls(day, include_overdue=not args.no_overdue)
            found = min(found, limit or found)
        what = translate("CliSheet", "%n prospect(s) for {0}", None, found).format(day.isoformat())
    else:
        count = len(prospect_ids)
        what = translate("CliSheet", "%n call sheet(s)", None, count)
    if stream is not None:
        print(f"pages {pages}", file=stream, flush=True)
    print(translate("CliSheet", "{0}: {1}, %n page(s)", None, pages).format(out, what))
    return EXIT_OK
