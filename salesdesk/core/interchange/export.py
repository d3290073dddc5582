"""The prospect list with its contacts as CSV (for Excel) or XLSX.

One row per contact (a prospect without contacts gets one row); the header is the
field names SalesDesk's own import preset reads back. CSV is UTF-8 with a BOM (so Excel
opens Japanese correctly) or CP932 on request; characters CP932 cannot hold are
reported — the export is refused, or written with ``?`` when the rep accepts that.

Cells that a spreadsheet would run as a formula (starting with ``= + - @``, tab or CR)
are written inert (OWASP "CSV injection"): CSV cells get a leading apostrophe, XLSX
cells are typed as text. The stored data is not changed.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator, Sequence
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
#: Characters Windows' CP932 writes with a look-alike code point Python's codec lacks.
_CP932_LOOKALIKES = str.maketrans(
    {"\u301c": "\uff5e", "\u2212": "\uff0d", "\u2016": "\u2225", "\u00a2": "\uffe0",
     "\u00a3": "\uffe1", "\u00ac": "\uffe2", "\u2014": "\u2015"}
)  # fmt: skip
MAX_LISTED = 200
_CHUNK = 500


def inert(value: str) -> str:
    """``value`` as a CSV cell no spreadsheet runs as a formula (apostrophe in front)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def uninert(value: str) -> str:
    """Undo :func:`inert` on import (an apostrophe before a formula character)."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


@dataclass(frozen=True)
class Unencodable:
    row: int  # 1 = the header
    column: str
    characters: str


@dataclass
class ExportSummary:
    prospects: int = 0
    rows: int = 0
    unencodable: list[Unencodable] = field(default_factory=list)
    unencodable_count: int = 0  # cells with characters the encoding lacks
    replaced: bool = False  # they were written as "?"


def _time_text(value: str | None) -> str:
    moment = from_db_time(value)
    return "" if moment is None else moment.isoformat()


def export_rows(db: Database, ids: Sequence[str] | None = None) -> Iterator[list[str]]:
    """Rows (header first) for the prospects ``ids`` in that order, or all live ones."""
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
                f"SELECT {p_cols} FROM prospect WHERE id IN ({marks}) AND deleted_at IS NULL", part
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
) -> ExportSummary:
    """Write ``rows`` (header first) as CSV; refuse (``unencodable``) or replace with ``?``
    characters ``encoding`` cannot hold. The file appears only when complete."""
    summary = ExportSummary(replaced=replace_unencodable)
    tmp = _atomic(Path(out))
    cp932 = encoding.replace("-", "").replace("_", "").lower() in ("cp932", "shiftjis", "sjis")
    try:
        with tmp.open("w", encoding=encoding, errors="replace", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            for number, row in enumerate(_count_prospects(rows, summary), start=1):
                cells = [inert(c) for c in row]
                if cp932:
                    cells = [c.translate(_CP932_LOOKALIKES) for c in cells]
                try:
                    "\x1f".join(cells).encode(encoding)
                except UnicodeEncodeError:
                    for column, cell in zip(EXPORT_COLUMNS, cells, strict=False):
                        bad = _unencodable(cell, encoding)
                        if bad:
                            summary.unencodable_count += 1
                            if len(summary.unencodable) < MAX_LISTED:
                                summary.unencodable.append(Unencodable(number, column, bad))
                writer.writerow(cells)
        if summary.unencodable_count and not replace_unencodable:
            raise InterchangeError(
                E.UNENCODABLE, "".join(sorted({u.characters for u in summary.unencodable}))
            )
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


def write_xlsx(rows: Iterable[list[str]], out: Path, sheet: str = "prospects") -> ExportSummary:
    """Write ``rows`` (header first) as an XLSX workbook; every cell is text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    summary = ExportSummary()
    tmp = _atomic(Path(out))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    try:
        for number, row in enumerate(_count_prospects(rows, summary), start=1):
            cells = []
            for column, value in zip(EXPORT_COLUMNS, row, strict=False):
                if ILLEGAL_CHARACTERS_RE.search(value):
                    # Control characters XML cannot hold; reported like unencodable ones.
                    summary.unencodable_count += 1
                    if len(summary.unencodable) < MAX_LISTED:
                        found = "".join(sorted(set(ILLEGAL_CHARACTERS_RE.findall(value))))
                        summary.unencodable.append(Unencodable(number, column, found))
                    value = ILLEGAL_CHARACTERS_RE.sub("?", value)
                    summary.replaced = True
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"  # text, never a formula, whatever it starts with
                cells.append(cell)
            ws.append(cells)
        wb.save(tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return summary


def export_prospects(
    db: Database,
    out: Path,
    kind: str = "csv",
    ids: Sequence[str] | None = None,
    encoding: str = "utf-8-sig",
    replace_unencodable: bool = False,
) -> ExportSummary:
    """Export the prospects ``ids`` (in that order; None: all live ones) with contacts."""
    rows = export_rows(db, ids)
    if kind == "xlsx":
        return write_xlsx(rows, Path(out))
    return write_csv(rows, Path(out), encoding, replace_unencodable)
