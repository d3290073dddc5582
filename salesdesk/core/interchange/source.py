"""Reading a rep's file: encoding, delimiter and header detection, then rows as text.

Japanese Excel saves "CSV" in CP932 (Windows' Shift_JIS, which has ① and the NEC/IBM
extensions plain Shift_JIS lacks); Google and Outlook write UTF-8, Excel's "CSV UTF-8"
adds a BOM. The whole file is checked (a chunk at a time, in C), so a file whose first
lines are plain ASCII and whose later lines are CP932 is still recognised.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from salesdesk.core.interchange import errors as E
from salesdesk.core.interchange.errors import InterchangeError

#: The longest cell accepted, in characters. Python's csv module stops at 131,072 by
#: default, which a long notes column can exceed; beyond this cap the file is refused
#: rather than held in memory (a 10 MB cell is almost certainly not a prospect list).
FIELD_SIZE_CAP = 1_048_576
_CHUNK = 1 << 20
_SAMPLE = 64 * 1024
#: Encodings offered to the rep when detection fails, besides the detected ones.
ENCODINGS = ("utf-8-sig", "utf-8", "cp932", "euc_jp", "iso2022_jp", "utf-16", "latin-1")
DELIMITERS = (",", "\t", ";", "|")

CSV = "csv"
XLSX = "xlsx"
VCF = "vcf"
#: The columns a vCard file is read into (import field names, so the SalesDesk preset fits).
VCARD_COLUMNS = (
    "company", "company_kana", "contact_department", "contact_name", "contact_kana",
    "contact_title", "contact_phone", "contact_email", "address", "website", "contact_notes",
)  # fmt: skip


@dataclass(frozen=True)
class SourceFormat:
    """How to read a file: its kind, text encoding, delimiter and whether row 1 is a header."""

    kind: str = CSV
    encoding: str | None = "utf-8"
    delimiter: str = ","
    has_header: bool = True

    def with_(self, **changes: Any) -> SourceFormat:
        return replace(self, **changes)


def _head(path: Path, size: int = _SAMPLE) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(size)
    except OSError as exc:
        raise InterchangeError(E.UNREADABLE_FILE, str(exc)) from exc


# Python's cp932 decodes the bytes Windows leaves unassigned (0x80, 0xA0, 0xFD-0xFF) and
# the user-defined area to private-use code points: a text with those is not CP932 text.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    reject = _PRIVATE_USE if encoding == "cp932" else None
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                text = decoder.decode(chunk)
                if reject is not None and reject.search(text):
                    return False
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path) -> str | None:
    """``utf-8-sig``, ``utf-8`` or ``cp932``; None when the file is none of them."""
    head = _head(path, 4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig" if _decodes(path, "utf-8-sig") else None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _decodes(path, "utf-8"):
        return "utf-8"
    if _decodes(path, "cp932"):
        return "cp932"
    return None


def _looks_binary(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head[:8192]


def detect(path: Path) -> SourceFormat:
    """Detect kind, encoding (None: ask the rep), delimiter and header of ``path``."""
    head = _head(path)
    if not head:
        raise InterchangeError(E.EMPTY_FILE, str(path))
    if head.startswith(b"PK\x03\x04"):
        return SourceFormat(kind=XLSX, encoding=None, delimiter=",", has_header=True)
    if _looks_binary(head):
        raise InterchangeError(E.BINARY_FILE, str(path))
    encoding = detect_encoding(path)
    if encoding is None:
        return SourceFormat(encoding=None)
    text = head.decode(encoding, errors="ignore")
    if not text.strip():
        raise InterchangeError(E.EMPTY_FILE, str(path))
    if text.lstrip("\ufeff \r\n").upper().startswith("BEGIN:VCARD"):
        return SourceFormat(kind=VCF, encoding=encoding, delimiter=",", has_header=True)
    delimiter = sniff_delimiter(text, path.suffix.lower())
    return SourceFormat(
        kind=CSV, encoding=encoding, delimiter=delimiter, has_header=sniff_header(text, delimiter)
    )


def sniff_delimiter(sample: str, suffix: str = "") -> str:
    """The delimiter of a CSV sample: csv.Sniffer, else the most frequent candidate."""
    if suffix in (".tsv", ".tab"):
        return "\t"
    # Cut at the last full line: a partial line confuses the sniffer.
    cut = sample[: sample.rfind("\n") + 1] or sample
    try:
        found = csv.Sniffer().sniff(cut, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        first = cut.splitlines()[0] if cut.splitlines() else ""
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","
    return found


def sniff_header(sample: str, delimiter: str) -> bool:
    """Whether the first row is a header: known column names, else csv.Sniffer's guess."""
    from salesdesk.core.interchange.mapping import is_known_header

    try:
        first = next(csv.reader(sample.splitlines()[:1], delimiter=delimiter))
    except (StopIteration, csv.Error):
        return True
    if any(is_known_header(cell) for cell in first):
        return True
    cut = sample[: sample.rfind("\n") + 1] or sample
    try:
        return csv.Sniffer().has_header(cut)
    except csv.Error:
        # One line or uniform columns: a header is text without digits or @.
        return all(c.strip() and not any(ch.isdigit() or ch == "@" for ch in c) for c in first)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


class RowSource:
    """Rows of a file as lists of text, with their line numbers; use as a context manager.

    ``headers`` is row 1 when the format says it is a header, else ``#1``, ``#2``...
    Rows are padded to the header width; longer rows are kept longer (a ragged row,
    reported by the importer). Reading errors raise :class:`InterchangeError`.
    """

    def __init__(self, path: Path, fmt: SourceFormat) -> None:
        self.path = Path(path)
        self.fmt = fmt
        self.headers: list[str] = []
        self._fh: Any = None
        self._rows: Iterator[tuple[int, list[str]]] = iter(())
        self._first: tuple[int, list[str]] | None = None
        self._xlsx_read = 0
        self._xlsx_total = 0

    def __enter__(self) -> RowSource:
        if self.fmt.kind == XLSX:
            self._rows = self._xlsx_rows()
        elif self.fmt.kind == VCF:
            self._rows = self._vcf_rows()
        else:
            if self.fmt.encoding is None:
                raise InterchangeError(E.UNKNOWN_ENCODING, str(self.path))
            try:
                codecs.lookup(self.fmt.encoding)
                self._fh = self.path.open(encoding=self.fmt.encoding, errors="strict", newline="")
            except (OSError, LookupError) as exc:
                raise InterchangeError(E.UNREADABLE_FILE, str(exc)) from exc
            self._rows = self._csv_rows()
        try:
            first = next(self._rows, None)
        except BaseException:
            self.__exit__(None, None, None)  # the with-block never started: close here
            raise
        if first is None:
            self.__exit__(None, None, None)
            raise InterchangeError(E.EMPTY_FILE, str(self.path))
        if self.fmt.has_header:
            self.headers = [h.strip() for h in first[1]]
        else:
            self.headers = [f"#{i + 1}" for i in range(len(first[1]))]
            self._first = first
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        close = getattr(self, "_wb_close", None)
        if close is not None:
            close()

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        width = len(self.headers)
        if self._first is not None:
            line, row = self._first
            self._first = None
            yield line, row + [""] * (width - len(row))
        for line, row in self._rows:
            if not any(cell.strip() for cell in row):
                continue  # blank lines (Excel leaves some at the end)
            if len(row) < width:
                row = row + [""] * (width - len(row))
            yield line, row

    def fraction(self) -> float:
        """How far through the file reading is, 0..1 (for a progress bar)."""
        try:
            if self._fh is not None:
                size = self.path.stat().st_size
                return min(1.0, self._fh.buffer.tell() / size) if size else 1.0
        except (OSError, ValueError):
            return 0.0
        if self._xlsx_total:
            return min(1.0, self._xlsx_read / self._xlsx_total)
        return 0.0

    def _csv_rows(self) -> Iterator[tuple[int, list[str]]]:
        # Global to the csv module; set here, deliberately, to the cap (see FIELD_SIZE_CAP).
        csv.field_size_limit(FIELD_SIZE_CAP)
        reader = csv.reader(self._fh, delimiter=self.fmt.delimiter, strict=True)
        line = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                raise InterchangeError(
                    E.WRONG_ENCODING, str(self.fmt.encoding), reader.line_num + 1
                ) from exc
            except csv.Error as exc:
                code = E.FIELD_TOO_LARGE if "field larger" in str(exc) else E.MALFORMED_CSV
                raise InterchangeError(code, str(exc), reader.line_num) from exc
            if "\x00" in "".join(row):
                raise InterchangeError(E.BINARY_FILE, str(self.path), reader.line_num)
            yield line, row
            line = reader.line_num + 1

    def _vcf_rows(self) -> Iterator[tuple[int, list[str]]]:
        try:
            import vobject  # vCard 2.1 (quoted-printable, Shift_JIS) to 4.0

            self._fh = self.path.open(encoding=self.fmt.encoding or "utf-8", errors="strict")
        except (ImportError, OSError, LookupError) as exc:
            raise InterchangeError(E.UNREADABLE_FILE, str(exc)) from exc
        yield 0, list(VCARD_COLUMNS)
        number = 0
        cards = vobject.readComponents(self._fh, ignoreUnreadable=True)
        while True:
            try:
                card = next(cards)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                raise InterchangeError(E.WRONG_ENCODING, str(self.fmt.encoding)) from exc
            except Exception as exc:  # vobject's ParseError and friends
                raise InterchangeError(E.MALFORMED_VCARD, str(exc), number + 1) from exc
            number += 1
            row = vcard_row(card)
            if any(len(c) > FIELD_SIZE_CAP for c in row):
                raise InterchangeError(E.FIELD_TOO_LARGE, "", number)
            yield number, row

    def _xlsx_rows(self) -> Iterator[tuple[int, list[str]]]:
        try:
            from openpyxl import load_workbook

            wb = load_workbook(self.path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged/other file
            raise InterchangeError(E.UNREADABLE_FILE, str(exc)) from exc
        self._wb_close = wb.close
        sheet = wb.worksheets[0]
        self._xlsx_total = sheet.max_row or 0
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            self._xlsx_read = number
            cells = [_cell_text(v) for v in values]
            while cells and cells[-1] == "":
                cells.pop()
            if any(len(c) > FIELD_SIZE_CAP for c in cells):
                raise InterchangeError(E.FIELD_TOO_LARGE, "", number)
            yield number, cells


def _values(card: Any, name: str) -> list[Any]:
    return [item.value for item in card.contents.get(name, [])]


def _first(card: Any, name: str, prefer: str = "") -> str:
    items = card.contents.get(name, [])
    if prefer:
        for item in items:
            types = ",".join(item.params.get("TYPE", [])).upper()
            if prefer in types or any(prefer == str(k).upper() for k in item.params):
                return str(item.value).strip()
    return str(items[0].value).strip() if items else ""


def vcard_row(card: Any) -> list[str]:
    """One vCard as a row of :data:`VCARD_COLUMNS`."""
    org = _values(card, "org")
    units = [str(u).strip() for u in (org[0] if org and isinstance(org[0], list) else org)]
    name = _first(card, "fn")
    family_given = _values(card, "n")
    if not name and family_given:
        n = family_given[0]
        name = " ".join(x for x in (str(n.family), str(n.given)) if x)
    kana = " ".join(
        x
        for x in (_first(card, "x-phonetic-last-name"), _first(card, "x-phonetic-first-name"))
        if x
    )
    for sound in card.contents.get("sound", []):  # Japanese phones: SOUND;X-IRMC-N:ヤマダ;タロウ
        flags = [*sound.params, *getattr(sound, "singletonparams", [])]
        if any("X-IRMC-N" in str(k).upper() for k in flags) and not kana:
            kana = " ".join(p for p in str(sound.value).split(";") if p).strip()
    address = ""
    adrs = _values(card, "adr")
    if adrs:
        a = adrs[0]
        parts = [a.code, a.region, a.city, a.street, a.extended]
        address = " ".join(str(p).strip() for p in parts if p and str(p).strip())
    return [
        units[0] if units else "",
        _first(card, "x-phonetic-org"),
        " ".join(units[1:]),
        name,
        kana,
        _first(card, "title"),
        _first(card, "tel", "WORK"),
        _first(card, "email"),
        address,
        _first(card, "url"),
        _first(card, "note"),
    ]


def preview(path: Path, fmt: SourceFormat, rows: int = 20) -> tuple[list[str], list[list[str]]]:
    """The headers and the first ``rows`` rows, for the mapping page."""
    out: list[list[str]] = []
    with RowSource(path, fmt) as source:
        for _line, row in source:
            out.append(row)
            if len(out) >= rows:
                break
        return source.headers, out
