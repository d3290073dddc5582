"""The prospect list with its contacts as CSV (for Excel) or XLSX.

One row per contact (a prospect without contacts gets one row); the header is the
field names SalesDesk's own import preset reads back. CSV is UTF-8 with a BOM (so Excel
opens Japanese correctly) or CP932 on request; characters CP932 cannot hold (emoji,
some rare kanji such as 𠮷) refuse the export with ``unencodable``, naming each
character with its row and column, or are written as ``?`` when the rep accepts that.
Characters Windows writes with a CP932 look-alike (〜 → ～, − → －...) are written as
Windows does.

Cells that a spreadsheet would run as a formula (starting with ``= + - @``, tab or CR)
are written inert (OWASP "CSV injection"): CSV cells get a leading apostrophe, XLSX
cells are typed as text with Excel's own "typed with an apostrophe" flag. A cell of
dashes only ("-", a common "no number") cannot be a formula and is left alone. The
apostrophe is reversible: SalesDesk's import takes it off again, and a stored value
that itself starts with an apostrophe before such a character gets a second one, so
export → import gives back exactly what was stored. The stored data is not changed.

The last two columns are times in the exporting computer's local time as
``YYYY-MM-DD HH:MM`` (what the rep sees in the window; Excel reads it as a date). They
and ``strength`` are for reading only: the import ignores them.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesdesk.core.db import Database
from salesdesk.core.interchange import errors as E
from salesdesk.core.interchange.errors import InterchangeError
from salesdesk.core.interchange.mapping import CONTACT_FIELDS, PROSPECT_FIELDS
from salesdesk.core.listing import from_db_time

EXPORT_COLUMNS = (
    "id", *PROSPECT_FIELDS, *CONTACT_FIELDS, "strength", "last_contact_at", "next_follow_up_at",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: One or more apostrophes before a formula character: what :func:`uninert` shortens.
_MARKED = re.compile(r"'+[=+\-@\t\r]")
#: First characters of XLSX values written through a cell object of their own.
_OWN_CELL_START = frozenset("=+-@\t\r#")
_DASHES = re.compile(r"-+")
#: Characters Windows' CP932 writes with a look-alike code point Python's codec lacks.
_CP932_LOOKALIKES = str.maketrans(
    {"\u301c": "\uff5e", "\u2212": "\uff0d", "\u2016": "\u2225", "\u00a2": "\uffe0",
     "\u00a3": "\uffe1", "\u00ac": "\uffe2", "\u2014": "\u2015"}
)  # fmt: skip
MAX_LISTED = 200
_CHUNK = 500
#: Excel's limit for one cell; longer text makes Excel "repair" the workbook.
XLSX_CELL_MAX = 32_767
_TIME_FORMAT = "%Y-%m-%d %H:%M"
_WIDTH_SAMPLE = 200  # XLSX column widths are fitted to the header and these first rows
#: Columns kept narrower than their text: the id is for the import, not for reading.
_WIDTH_CAP = {"id": 10}


def _is_formula_like(value: str) -> bool:
    return value.startswith(_FORMULA_START) and not _DASHES.fullmatch(value)


def inert(value: str) -> str:
    """``value`` as a CSV cell no spreadsheet runs as a formula (apostrophe in front).

    Reversible by :func:`uninert`: a value already starting with apostrophes before a
    formula character gets one more, so taking one off gives it back.
    """
    if _is_formula_like(value) or _MARKED.match(value):
        return "'" + value
    return value


def uninert(value: str) -> str:
    """Undo :func:`inert` on import (an apostrophe before a formula character)."""
    if _MARKED.match(value):
        return value[1:]
    return value


@dataclass(frozen=True)
class Unencodable:
    row: int  # 1 = the header (the spreadsheet's row number)
    column: str
    characters: str


@dataclass
class ExportSummary:
    prospects: int = 0
    rows: int = 0
    unencodable: list[Unencodable] = field(default_factory=list)
    unencodable_count: int = 0  # cells with characters the encoding lacks
    replaced: bool = False  # they were written as "?"
    truncated: list[Unencodable] = field(default_factory=list)  # XLSX cells cut at the limit


class UnencodableError(InterchangeError):
    """The CSV was refused (``unencodable``): ``detail`` holds the characters, ``line`` the
    first row with one, ``cells`` where each is (row, column, characters)."""

    def __init__(self, cells: list[Unencodable], count: int) -> None:
        characters = "".join(dict.fromkeys(ch for u in cells for ch in u.characters))
        super().__init__(E.UNENCODABLE, characters, cells[0].row if cells else None)
        self.cells = cells
        self.count = count


def _time_text(value: str | None) -> str:
    moment = from_db_time(value)
    return "" if moment is None else moment.astimezone().strftime(_TIME_FORMAT)


#: ``progress(done, total)``, called as an export goes; it may raise (a cancel) to stop it,
#: and the partial file is then removed.
Progress = Callable[[int, int], None]


def export_rows(
    db: Database, ids: Sequence[str] | None = None, progress: Progress | None = None
) -> Iterator[list[str]]:
    """Rows (header first) for the prospects ``ids`` in that order, or all live ones.

    ``progress`` hears (prospects read, prospects to read) after every chunk.
    """
    yield list(EXPORT_COLUMNS)
    conn = db.reader()
    if ids is None:
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM prospect WHERE deleted_at IS NULL ORDER BY sort_key, company"
            )
        ]
    p_cols = ", ".join(("id", *PROSPECT_FIELDS, "strength", "last_contact_at", "next_follow_up_at"))
    c_cols = (
        "prospect_id, name, name_kana, title, department, is_decision_maker, phone, email, notes"
    )
    for start in range(0, len(ids), _CHUNK):
        part = list(ids[start : start + _CHUNK])
        marks = ",".join("?" * len(part))
        prospects = {
            r[0]: r
            for r in conn.execute(
                f"SELECT {p_cols} FROM prospect WHERE id IN ({marks}) AND +deleted_at IS NULL",
                part,
            )
        }
        contacts: dict[str, list[tuple[Any, ...]]] = {}
        for r in conn.execute(
            f"SELECT {c_cols} FROM contact WHERE prospect_id IN ({marks})"
            " AND deleted_at IS NULL ORDER BY created_at, rowid",
            part,
        ):
            contacts.setdefault(r[0], []).append(r[1:])
        for pid in part:
            p = prospects.get(pid)
            if p is None:
                continue
            head = [_text(v) for v in p[: 1 + len(PROSPECT_FIELDS)]]
            tail = [_text(p[-3]), _time_text(p[-2]), _time_text(p[-1])]
            for c in contacts.get(pid) or [("",) * len(CONTACT_FIELDS)]:
                yield head + [_text(v) for v in c] + tail
        if progress is not None:
            progress(start + len(part), len(ids))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _count_prospects(rows: Iterable[list[str]], summary: ExportSummary) -> Iterator[list[str]]:
    last = None
    for row in rows:
        if row[0] != last and summary.rows:
            summary.prospects += 1
        last = row[0]
        summary.rows += 1
        yield row
    summary.rows -= 1  # the header


def _atomic(out: Path) -> Path:
    return out.with_name(f".{out.name}.partial")


def write_csv(
    rows: Iterable[list[str]],
    out: Path,
    encoding: str = "utf-8-sig",
    replace_unencodable: bool = False,
    checkpoint: Callable[[], None] | None = None,
) -> ExportSummary:
    """Write ``rows`` (header first) as CSV; refuse (:class:`UnencodableError`) or replace
    with ``?`` characters ``encoding`` cannot hold. The file appears only when complete."""
    summary = ExportSummary(replaced=replace_unencodable)
    tmp = _atomic(Path(out))
    cp932 = encoding.replace("-", "").replace("_", "").lower() in ("cp932", "shiftjis", "sjis")
    try:
        with tmp.open("w", encoding=encoding, errors="replace", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            columns: Sequence[str] = EXPORT_COLUMNS
            for number, row in enumerate(_count_prospects(rows, summary), start=1):
                if number == 1:
                    columns = row
                cells = [inert(c) for c in row]
                if cp932:
                    cells = [c.translate(_CP932_LOOKALIKES) for c in cells]
                try:
                    "\x1f".join(cells).encode(encoding)
                except UnicodeEncodeError:
                    for column, cell in zip(columns, cells, strict=False):
                        bad = _unencodable(cell, encoding)
                        if bad:
                            summary.unencodable_count += 1
                            if len(summary.unencodable) < MAX_LISTED:
                                summary.unencodable.append(Unencodable(number, column, bad))
                writer.writerow(cells)
        if summary.unencodable_count and not replace_unencodable:
            raise UnencodableError(summary.unencodable, summary.unencodable_count)
        if checkpoint is not None:
            checkpoint()  # a last chance to cancel before the file appears
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return summary


def _unencodable(cell: str, encoding: str) -> str:
    out = []
    for ch in cell:
        try:
            ch.encode(encoding)
        except UnicodeEncodeError:
            if ch not in out:
                out.append(ch)
    return "".join(out)


def _display_width(text: str) -> int:
    """Columns ``text`` takes in a spreadsheet (kanji and kana count twice)."""
    line = max(text.split("\n"), key=len) if "\n" in text else text
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _column_widths(sample: list[list[str]]) -> list[float]:
    """Widths for the header and the first rows, kept between 6 and 50 characters."""
    widths: list[float] = []
    for i in range(max((len(r) for r in sample), default=0)):
        widest = max(_display_width(r[i]) for r in sample if i < len(r))
        cap = _WIDTH_CAP.get(sample[0][i], 50) if i < len(sample[0]) else 50
        widths.append(float(min(cap, max(6, widest + 2))))
    return widths


def write_xlsx(
    rows: Iterable[list[str]],
    out: Path,
    sheet: str = "prospects",
    checkpoint: Callable[[], None] | None = None,
) -> ExportSummary:
    """Write ``rows`` (header first) as an XLSX workbook; every cell is text.

    The header row is bold, frozen and filterable; column widths fit the first rows.
    Nothing becomes a formula: cells are typed as text, and those starting like a formula
    carry Excel's apostrophe flag so editing them keeps them text.
    """
    from itertools import chain

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    def needs_own_cell(value: str) -> bool:
        """Not plain text to openpyxl: formula-like or "#N/A"-like (openpyxl would type
        them as formulas or errors), marked, too long, or with characters XML lacks."""
        return bool(value) and (
            value[0] in _OWN_CELL_START
            or _MARKED.match(value) is not None
            or len(value) > XLSX_CELL_MAX
            or ILLEGAL_CHARACTERS_RE.search(value) is not None
        )

    summary = ExportSummary()
    tmp = _atomic(Path(out))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    bold = Font(bold=True)
    counted = _count_prospects(rows, summary)
    sample = [r for _, r in zip(range(_WIDTH_SAMPLE), counted, strict=False)]
    for i, width in enumerate(_column_widths(sample), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    columns: Sequence[str] = sample[0] if sample else EXPORT_COLUMNS
    width = len(columns)
    try:
        for number, row in enumerate(chain(sample, counted), start=1):
            if number > 1 and not any(map(needs_own_cell, row)):
                # The usual row: plain text, which openpyxl writes through one reused
                # cell (several times faster than a cell object per value).
                ws.append(row)
                continue
            cells = []
            for column, value in zip(columns, row, strict=False):
                if ILLEGAL_CHARACTERS_RE.search(value):
                    # Control characters XML cannot hold; reported like unencodable ones.
                    summary.unencodable_count += 1
                    if len(summary.unencodable) < MAX_LISTED:
                        found = "".join(sorted(set(ILLEGAL_CHARACTERS_RE.findall(value))))
                        summary.unencodable.append(Unencodable(number, column, found))
                    value = ILLEGAL_CHARACTERS_RE.sub("?", value)
                    summary.replaced = True
                if _MARKED.match(value):
                    value = "'" + value  # so SalesDesk's import gives back the stored text
                if len(value) > XLSX_CELL_MAX:
                    if len(summary.truncated) < MAX_LISTED:
                        summary.truncated.append(Unencodable(number, column, ""))
                    value = value[:XLSX_CELL_MAX]
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"  # text, never a formula, whatever it starts with
                if number == 1:
                    cell.font = bold
                elif _is_formula_like(value):
                    cell.quotePrefix = True  # as if typed with an apostrophe in Excel
                cells.append(cell)
            ws.append(cells)
        if width:
            ws.auto_filter.ref = f"A1:{get_column_letter(width)}{max(1, summary.rows + 1)}"
        if checkpoint is not None:
            checkpoint()  # saving takes a while: a cancel now still counts
        wb.save(tmp)
        if checkpoint is not None:
            checkpoint()  # a last chance to cancel before the file appears
        os.replace(tmp, out)
    except BaseException:
        _discard_sheet(ws)
        raise
    finally:
        tmp.unlink(missing_ok=True)
    return summary


def _discard_sheet(ws: Any) -> None:
    """End an abandoned write-only sheet (a cancel): its row stream, and the temporary
    file openpyxl keeps for it, which it would otherwise only remove at exit."""
    with contextlib.suppress(Exception):
        ws.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            writer.cleanup()


def export_prospects(
    db: Database,
    out: Path,
    kind: str = "csv",
    ids: Sequence[str] | None = None,
    encoding: str = "utf-8-sig",
    replace_unencodable: bool = False,
    progress: Progress | None = None,
) -> ExportSummary:
    """Export the prospects ``ids`` (in that order; None: all live ones) with contacts.

    ``progress`` hears the rows read, then the same point again before the file is
    saved and before it appears (where a cancel still counts).
    """
    last = [0, 0]

    def step(done: int, total: int) -> None:
        last[:] = [done, total]
        if progress is not None:
            progress(done, total)

    def again() -> None:
        step(*last)

    checkpoint = again if progress is not None else None
    rows = export_rows(db, ids, step)
    if kind == "xlsx":
        return write_xlsx(rows, Path(out), checkpoint=checkpoint)
    return write_csv(rows, Path(out), encoding, replace_unencodable, checkpoint)
