"""``salesdesk sheet``: call sheets and the day's call list as PDF, without the window.

    salesdesk sheet --prospect ID --pdf OUT [--lang ja|en] [--letter]
    salesdesk sheet --day YYYY-MM-DD --pdf OUT [--compact] [--no-overdue] [--limit N]

``--day`` prints one sheet per prospect planned or due that day (overdue first), or with
``--compact`` one table of them. Without a display Qt is started offscreen, so this runs
on a server or in CI.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from salesdesk.config import Paths
    from salesdesk.core.services import Services


def add_parser(commands: Any) -> None:
    """Add the ``sheet`` command to the CLI's sub-command parsers."""
    sheet = commands.add_parser("sheet", help="print a call sheet or the day's call list as PDF")
    target = sheet.add_mutually_exclusive_group(required=True)
    target.add_argument("--prospect", metavar="ID", help="one prospect's call sheet")
    target.add_argument("--day", metavar="YYYY-MM-DD", help="the call list of this day")
    sheet.add_argument("--pdf", required=True, metavar="OUT", help="the PDF file to write")
    sheet.add_argument(
        "--lang", dest="sheet_lang", choices=["ja", "en"], help="language of the sheet"
    )
    sheet.add_argument("--letter", action="store_true", help="US Letter instead of A4")
    sheet.add_argument("--compact", action="store_true", help="--day: one table, not sheets")
    sheet.add_argument("--no-overdue", action="store_true", help="--day: leave overdue out")
    sheet.add_argument(
        "--limit", type=int, default=0, metavar="N", help="--day: first N prospects (0: all)"
    )


def _gui_app(language: str) -> tuple[Any, Any, bool]:
    """A QGuiApplication (offscreen when there is no display) with the language installed;
    also its translations and whether the application was already running."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from salesdesk.ui.i18n import Translations

    existing = QGuiApplication.instance()
    app = existing or QGuiApplication([sys.argv[0] if sys.argv else "salesdesk"])
    translations = Translations(app)
    translations.install(language)
    return app, translations, existing is not None


def run(args: argparse.Namespace, services: Services, paths: Paths) -> int:
    """Write the PDF; returns the exit code."""
    from salesdesk.cli import EXIT_FAILED, EXIT_OK, Refused, _resolve_prospect
    from salesdesk.config import Settings
    from salesdesk.core.sheets import SheetService
    from salesdesk.ui.i18n import pick_language

    language = args.sheet_lang or args.lang or pick_language(Settings.load(paths).language)
    out = Path(args.pdf)
    if not out.parent.is_dir():
        raise Refused(f"the folder {out.parent} does not exist")
    if args.day is not None:
        try:
            day = date.fromisoformat(args.day)
        except ValueError:
            raise Refused(f"--day {args.day}: write the day as YYYY-MM-DD") from None
        prospect_ids: list[str] = []
    else:
        prospect_ids = [_resolve_prospect(services, args.prospect)]
    app, translations, hosted = _gui_app(language)
    from salesdesk.ui.sheet_render import PageSetup, SheetRenderer, font_available, pdf_writer

    if not font_available():
        print(
            "warning: the IPA P Gothic font was not found (install fonts-ipafont-gothic); "
            "Japanese text may print as boxes",
            file=sys.stderr,
        )
    service = SheetService(services.db)
    setup = PageSetup(letter=args.letter, landscape=args.day is not None and args.compact)
    writer = pdf_writer(out, setup, out.stem)
    renderer = SheetRenderer(writer)
    try:
        if args.day is not None:
            entries = service.call_list(
                day, include_overdue=not args.no_overdue, limit=args.limit or None
            )
            if args.compact or not entries:
                renderer.add_call_list(entries, day)
            else:
                for entry in entries:
                    renderer.add_sheet(service.sheet(entry.prospect_id))
            what = f"{len(entries)} prospect(s) for {day.isoformat()}"
        else:
            renderer.add_sheet(service.sheet(prospect_ids[0]))
            what = "call sheet"
    except OSError as exc:
        print(f"error: {out}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        renderer.finish()
        del writer
        if hosted:  # a running application (tests) gets its language back
            translations.install("en")
    del app  # kept alive until the PDF is written
    print(f"{out}: {what}, {renderer.pages} page(s)")
    return EXIT_OK
