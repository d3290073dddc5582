"""Reading a rep's file: encoding, delimiter and header detection, then rows as text.

Japanese Excel saves "CSV" in CP932 (Windows' Shift_JIS, which has ① and the NEC/IBM
extensions plain Shift_JIS lacks); Google and Outlook write UTF-8, Excel's "CSV UTF-8"
adds a BOM. The whole file is checked (a chunk at a time, in C), so a file whose first
lines are plain ASCII and whose later lines are CP932 is still recognised.

A list often has a title above its header ("顧客リスト 2026年" and a blank row): the
rows above the header are found from the first rows alone and skipped
(:attr:`SourceFormat.skip_rows`). A workbook is read from its active sheet unless that
sheet has no recognisable header and another one has (:func:`pick_sheet`). vCards (2.1
from Japanese phones, 3.0 and 4.0) are read by :func:`read_vcards`.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import csv
import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import islice
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
#: Rows looked at for the header (a title and blank rows above it are skipped).
HEADER_SEARCH_ROWS = 30
#: Encodings offered to the rep when detection fails, besides the detected ones.
ENCODINGS = ("utf-8-sig", "utf-8", "cp932", "euc_jp", "iso2022_jp", "utf-16", "latin-1")
DELIMITERS = (",", "\t", ";", "|")

CSV = "csv"
XLSX = "xlsx"
VCF = "vcf"
#: The columns a vCard file is read into (import field names, so the SalesDesk preset
#: fits). ``phone``, ``email`` and ``notes`` are filled for a company's own card (a card
#: without a person's name), whose values would otherwise make a contact without a name.
VCARD_COLUMNS = (
    "company", "company_kana", "contact_department", "contact_name", "contact_kana",
    "contact_title", "contact_phone", "contact_email", "address", "website", "contact_notes",
    "phone", "email", "notes",
)  # fmt: skip


@dataclass(frozen=True)
class SourceFormat:
    """How to read a file: its kind, text encoding, delimiter and where its header is."""

    kind: str = CSV
    encoding: str | None = "utf-8"
    delimiter: str = ","
    has_header: bool = True
    #: Rows above the header that are not read (a title, blank rows); line numbers stay
    #: those of the file.
    skip_rows: int = 0
    #: XLSX: the worksheet read; "" picks it as :func:`pick_sheet` does.
    sheet: str = ""

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


def _is_vcard(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head[:400].decode("utf-16", errors="ignore")
    else:
        text = head[:400].removeprefix(codecs.BOM_UTF8).decode("latin-1")
    return text.lstrip("\ufeff \t\r\n").upper().startswith("BEGIN:VCARD")


#: How Office's older container starts: .xls files and password-protected workbooks.
_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect(path: Path) -> SourceFormat:
    """Detect kind, encoding (None: ask the rep), delimiter and header of ``path``."""
    head = _head(path)
    if not head:
        raise InterchangeError(E.EMPTY_FILE, str(path))
    if head.startswith(b"PK\x03\x04"):
        return _detect_xlsx(path)
    if head.startswith(_OLE2_SIGNATURE):
        raise InterchangeError(E.OLD_OR_LOCKED_WORKBOOK, str(path))
    if _looks_binary(head):
        raise InterchangeError(E.BINARY_FILE, str(path))
    if _is_vcard(head):
        return SourceFormat(kind=VCF, encoding=vcard_encoding(path), delimiter=",")
    encoding = detect_encoding(path)
    if encoding is None:
        return SourceFormat(encoding=None)
    text = head.decode(encoding, errors="ignore")
    if not text.strip():
        raise InterchangeError(E.EMPTY_FILE, str(path))
    hint = _SEP_HINT.match(text)
    if hint:  # Excel's "sep=;" line
        delimiter = hint.group(1)
        text = text[hint.end() :]
    else:
        delimiter = sniff_delimiter(text, path.suffix.lower())
    skip = header_row(_sample_rows(text, delimiter))
    has_header = True if skip else sniff_header(text, delimiter)
    return SourceFormat(
        kind=CSV,
        encoding=encoding,
        delimiter=delimiter,
        has_header=has_header,
        skip_rows=skip + (1 if hint else 0),
    )


_SEP_HINT = re.compile(r"\ufeff?sep=([,\t;|])[ \t]*\r?\n", re.IGNORECASE)


def _full_lines(sample: str) -> str:
    # Cut at the last full line: a partial line confuses the sniffers.
    return sample[: sample.rfind("\n") + 1] or sample


def _sample_rows(sample: str, delimiter: str, limit: int = HEADER_SEARCH_ROWS) -> list[list[str]]:
    try:
        reader = csv.reader(io.StringIO(_full_lines(sample), newline=""), delimiter=delimiter)
        return list(islice(reader, limit))
    except csv.Error:
        return []


def sniff_delimiter(sample: str, suffix: str = "") -> str:
    """The delimiter that splits the most rows of the sample into the same number of cells.

    A title line above the header (one cell whatever the delimiter) does not count
    against a delimiter; ties go to csv.Sniffer, then to the order of :data:`DELIMITERS`.
    """
    if suffix in (".tsv", ".tab"):
        return "\t"
    scores: dict[str, float] = {}
    for delimiter in DELIMITERS:
        widths = [len(r) for r in _sample_rows(sample, delimiter, 100) if any(c.strip() for c in r)]
        wide = [w for w in widths if w > 1]
        if wide:
            _width, rows = Counter(wide).most_common(1)[0]
            scores[delimiter] = rows / len(widths)
    if not scores:
        return ","
    top = max(scores.values())
    tied = [d for d in DELIMITERS if scores.get(d) == top]
    if len(tied) > 1:
        try:
            found = csv.Sniffer().sniff(_full_lines(sample), delimiters="".join(tied)).delimiter
        except csv.Error:
            found = ""
        if found in tied:
            return found
    return tied[0]


def sniff_header(sample: str, delimiter: str) -> bool:
    """Whether the first row is a header: known column names, else csv.Sniffer's guess."""
    from salesdesk.core.interchange.mapping import is_known_header

    try:
        first = next(csv.reader(sample.splitlines()[:1], delimiter=delimiter))
    except (StopIteration, csv.Error):
        return True
    if any(is_known_header(cell) for cell in first):
        return True
    cut = _full_lines(sample)
    try:
        return csv.Sniffer().has_header(cut)
    except csv.Error:
        # One line or uniform columns: a header is text without digits or @.
        return all(c.strip() and not any(ch.isdigit() or ch == "@" for ch in c) for c in first)


def _filled(row: Sequence[str]) -> int:
    return sum(1 for c in row if c.strip())


def _header_like(row: Sequence[str]) -> bool:
    cells = [c for c in row if c.strip()]
    return len(cells) >= 2 and not any(ch.isdigit() or ch == "@" for c in cells for ch in c)


def header_row(rows: Sequence[Sequence[str]]) -> int:
    """How many of the first ``rows`` lie above the header: a title, blank rows (0: none).

    The header is the row with the most known column names, when every row above it is
    narrower (a title or a note, not data); without known names, a header-like row under
    rows of at most one cell each.
    """
    from salesdesk.core.interchange.mapping import is_known_header

    rows = list(rows[:HEADER_SEARCH_ROWS])
    if not rows:
        return 0
    known = [sum(1 for c in row if c.strip() and is_known_header(c)) for row in rows]
    best = max(known)
    if best:
        at = known.index(best)
        width = _filled(rows[at])
        return at if all(_filled(r) < width for r in rows[:at]) else 0
    for at, row in enumerate(rows):
        if _filled(row) > 1:
            return at if at and _header_like(row) and at + 1 < len(rows) else 0
    return 0


# -- XLSX ------------------------------------------------------------------------------------
_EXCEL_ERRORS = frozenset({"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"})


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return "" if value in _EXCEL_ERRORS else value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone typed as a number: 312345678, not 312345678.0
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(" ", "seconds" if value.second else "minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _open_workbook(path: Path) -> Any:
    try:
        from openpyxl import load_workbook

        return load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged/other file
        raise InterchangeError(E.UNREADABLE_FILE, str(exc)) from exc


def _sheet_rows(sheet: Any) -> Iterator[tuple[int, list[str]]]:
    """A worksheet's rows as text, numbered as Excel does, trailing empty cells dropped.

    The sheet's recorded size is ignored: Excel's "used range" can reach thousands of
    formatted but empty rows and columns, which would otherwise come back as wide rows.
    """
    sheet.reset_dimensions()
    for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
        cells = [_cell_text(v) for v in values]
        while cells and not cells[-1]:
            cells.pop()
        yield number, cells


def _sheet_head(sheet: Any) -> list[list[str]]:
    return [row for _n, row in islice(_sheet_rows(sheet), HEADER_SEARCH_ROWS)]


def pick_sheet(workbook: Any) -> Any:
    """The worksheet to read: the active one (the one Excel showed when the file was saved),
    unless it has no known column names while another sheet has; else the first sheet
    with something in it."""
    from salesdesk.core.interchange.mapping import is_known_header

    sheets = [s for s in workbook.worksheets if getattr(s, "sheet_state", "visible") == "visible"]
    sheets = sheets or list(workbook.worksheets)
    active = workbook.active
    if active in sheets:
        sheets.remove(active)
        sheets.insert(0, active)
    heads = []
    for sheet in sheets:
        head = _sheet_head(sheet)
        if any(is_known_header(c) for row in head for c in row if c.strip()):
            return sheet
        heads.append(head)
    for sheet, head in zip(sheets, heads, strict=True):
        if any(_filled(row) for row in head):
            return sheet
    return sheets[0] if sheets else None


def _sheet(workbook: Any, name: str) -> Any:
    if name:
        if name in workbook.sheetnames:
            return workbook[name]
        raise InterchangeError(E.UNREADABLE_FILE, f"no sheet {name!r}")
    sheet = pick_sheet(workbook)
    if sheet is None:
        raise InterchangeError(E.EMPTY_FILE, "")
    return sheet


def _detect_xlsx(path: Path, sheet_name: str = "") -> SourceFormat:
    wb = _open_workbook(path)
    try:
        sheet = _sheet(wb, sheet_name)
        skip = header_row(_sheet_head(sheet))
        return SourceFormat(kind=XLSX, encoding=None, skip_rows=skip, sheet=sheet.title)
    finally:
        wb.close()


def detect_sheet(path: Path, sheet_name: str) -> SourceFormat:
    """How to read one worksheet of a workbook (the rows above its header found anew)."""
    return _detect_xlsx(path, sheet_name)


def sheet_names(path: Path) -> list[str]:
    """A workbook's worksheets the rep can see, in the order of their tabs."""
    wb = _open_workbook(path)
    try:
        sheets = [s for s in wb.worksheets if getattr(s, "sheet_state", "visible") == "visible"]
        return [s.title for s in sheets or wb.worksheets]
    finally:
        wb.close()


class RowSource:
    """Rows of a file as lists of text, with their line numbers; use as a context manager.

    ``headers`` is the first row read (after ``skip_rows``) when the format says it is a
    header, else ``#1``, ``#2``... Rows are padded to the header width; longer rows are
    kept longer (a ragged row, reported by the importer). Reading errors raise
    :class:`InterchangeError`.
    """

    def __init__(self, path: Path, fmt: SourceFormat) -> None:
        self.path = Path(path)
        self.fmt = fmt
        self.headers: list[str] = []
        #: XLSX: the worksheet read.
        self.sheet = ""
        self._fh: Any = None
        self._rows: Iterator[tuple[int, list[str]]] = iter(())
        self._first: tuple[int, list[str]] | None = None
        self._read = 0
        self._total = 0

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
            if self.fmt.kind != VCF:
                for _skipped in islice(self._rows, self.fmt.skip_rows):
                    pass  # a title and blank rows above the header
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
        if self._total:
            return min(1.0, self._read / self._total)
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
            data = self.path.read_bytes()
        except OSError as exc:
            raise InterchangeError(E.UNREADABLE_FILE, str(exc)) from exc
        yield 0, list(VCARD_COLUMNS)
        progress = _Progress()
        for line, card in read_vcards(data, self.fmt.encoding or "utf-8", progress):
            self._read, self._total = progress.done, progress.total
            row = vcard_row(card)
            if any(len(c) > FIELD_SIZE_CAP for c in row):
                raise InterchangeError(E.FIELD_TOO_LARGE, "", line)
            yield line, row

    def _xlsx_rows(self) -> Iterator[tuple[int, list[str]]]:
        wb = _open_workbook(self.path)
        self._wb_close = wb.close
        sheet = _sheet(wb, self.fmt.sheet)
        self.sheet = sheet.title
        self._total = sheet.max_row or 0  # the recorded size: only for the progress bar
        for number, cells in _sheet_rows(sheet):
            self._read = number
            if any(len(c) > FIELD_SIZE_CAP for c in cells):
                raise InterchangeError(E.FIELD_TOO_LARGE, "", number)
            yield number, cells


# -- vCard -----------------------------------------------------------------------------------
# vCard 2.1 (Japanese phones, Outlook) writes non-ASCII text quoted-printable with a
# CHARSET (SHIFT_JIS, which in practice holds CP932's ① and 髙), continuing a long line
# with a soft break ("=" at the end of the line); 3.0 and 4.0 (iPhone, Android, Google,
# iCloud) write UTF-8 and fold lines at 75 bytes, even inside a character. Lines are
# therefore joined as bytes and each value decoded on its own.


@dataclass
class VProp:
    """One vCard property: upper-case name, parameters, types and the value as in the file."""

    name: str
    params: dict[str, list[str]]
    types: frozenset[str]
    raw: bytes


@dataclass
class VCard:
    """The properties of one card, and the encodings tried for values without a CHARSET."""

    props: list[VProp] = field(default_factory=list)
    encodings: tuple[str, ...] = ("utf-8", "cp932")

    def all(self, name: str) -> list[VProp]:
        return [p for p in self.props if p.name == name]

    @cached_property
    def version(self) -> str:
        found = self.all("VERSION")
        return self.decoded(found[0]).strip() if found else "3.0"

    def decoded(self, prop: VProp) -> str:
        raw = prop.raw
        encoding = (prop.params.get("ENCODING", [""])[0] or "").upper()
        if encoding in ("QUOTED-PRINTABLE", "QP") or "QUOTED-PRINTABLE" in prop.types:
            raw = binascii.a2b_qp(raw)
        elif encoding in ("B", "BASE64") or "BASE64" in prop.types:
            try:
                raw = base64.b64decode(raw)
            except (binascii.Error, ValueError):
                return ""
        charset = _charset(prop.params.get("CHARSET", [""])[0])
        tried = (charset, *self.encodings) if charset else self.encodings
        for enc in tried:
            try:
                text = raw.decode(enc)
                break
            except (UnicodeDecodeError, LookupError):
                continue
        else:
            text = raw.decode(self.encodings[0], errors="replace")
        return text.replace("\r\n", "\n") if "\r" in text else text  # =0D=0A in a 2.1 note

    def text(self, prop: VProp) -> str:
        """A text value, escapes undone."""
        return _unescape(self.decoded(prop), self.version)

    def parts(self, prop: VProp) -> list[str]:
        """A structured value (N, ORG, ADR...) split at its unescaped semicolons."""
        version = self.version
        out: list[str] = []
        part: list[str] = []
        for token in _SPLIT.split(self.decoded(prop)):
            if token == ";":
                out.append(_unescape("".join(part), version))
                part = []
            elif token:
                part.append(token)
        out.append(_unescape("".join(part), version))
        return [p.strip() for p in out]

    def first_text(self, name: str) -> str:
        for prop in self.all(name):
            if value := self.text(prop).strip():
                return value
        return ""


_SPLIT = re.compile(r"(\\.|;)", re.DOTALL)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_SJIS = frozenset({"shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis",
                   "windows-31j", "cp932", "ms932", "x-ms-cp932"})  # fmt: skip


def _charset(name: str) -> str:
    name = name.strip().strip('"').lower()
    return "cp932" if name in _SJIS else name


def _unescape(text: str, version: str) -> str:
    if "\\" not in text:
        return text
    if version.startswith("2"):  # 2.1 escapes only the semicolon ("\" is ¥ in Shift_JIS)
        return text.replace("\\;", ";")
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def _split_params(head: str) -> list[str]:
    out: list[str] = []
    part: list[str] = []
    quoted = False
    for ch in head:
        if ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            out.append("".join(part))
            part = []
            continue
        part.append(ch)
    out.append("".join(part))
    return out


def _parse_property(line: bytes, encodings: Sequence[str]) -> VProp | None:
    colon = line.find(b":")
    if colon < 0:
        return None  # a stray line (a photo's base64 written unfolded): not a property
    if b'"' in line[:colon]:  # a quoted parameter value may hold a colon
        quoted = False
        for i, byte in enumerate(line):
            if byte == 0x22:
                quoted = not quoted
            elif byte == 0x3A and not quoted:
                colon = i
                break
    head_bytes = line[:colon]
    head = ""
    for enc in encodings:
        try:
            head = head_bytes.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        head = head_bytes.decode("latin-1")
    name, *rest = _split_params(head)
    name = name.strip().rsplit(".", 1)[-1].upper()  # "item1.TEL" (iPhone's groups)
    if not name:
        return None
    params: dict[str, list[str]] = {}
    types: set[str] = set()
    for param in rest:
        key, eq, value = param.partition("=")
        if not eq:  # vCard 2.1: TEL;WORK;VOICE
            key, value = "TYPE", key
        key = key.strip().upper()
        values = [v.strip().strip('"') for v in value.strip().strip('"').split(",")]
        params.setdefault(key, []).extend(values)
        if key == "TYPE":
            types.update(v.upper() for v in values if v)
    if "PREF" in params:  # vCard 4.0: PREF=1
        types.add("PREF")
    return VProp(name, params, frozenset(types), line[colon + 1 :])


class _Progress:
    def __init__(self) -> None:
        self.done = 0
        self.total = 0


def vcard_encoding(path: Path) -> str:
    """The encoding of a vCard file's values written without a CHARSET."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InterchangeError(E.UNREADABLE_FILE, str(exc)) from exc
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    joined = _JOINS.sub(b"", data)  # a fold may split a character: join lines first
    for encoding in ("utf-8", "cp932"):
        try:
            joined.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return "utf-8"


_JOINS = re.compile(rb"\r?\n[ \t]|\r[ \t]|=\r?\n")


def read_vcards(
    data: bytes, encoding: str = "utf-8", progress: _Progress | None = None
) -> Iterator[tuple[int, VCard]]:
    """The cards of a vCard file, each with the line its BEGIN:VCARD is on.

    Lenient, like the address books that write these files: lines outside a card, stray
    lines and a missing END:VCARD at the end of the file are passed over; a card inside
    a card (2.1's AGENT) is skipped.
    """
    try:
        encoding = codecs.lookup(encoding).name
    except LookupError as exc:
        raise InterchangeError(E.UNREADABLE_FILE, str(exc)) from exc
    if encoding.startswith("utf-16") or encoding == "utf-8-sig" or encoding == "utf-8":
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            data = data.decode("utf-16").encode("utf-8")
        data = data.removeprefix(codecs.BOM_UTF8)
        encoding = "utf-8"
    encodings = tuple(dict.fromkeys((encoding, "utf-8", "cp932")))
    lines = data.splitlines()
    if progress is not None:
        progress.total = len(lines)
    card: VCard | None = None
    start = depth = 0
    logical: bytes | None = None
    logical_at = 0
    qp = False
    end = len(lines) + 1
    for number, line in enumerate([*lines, b""], start=1):
        if logical is not None:
            if number < end:
                if qp and logical.endswith(b"=") and line[:9].upper() != b"END:VCARD":
                    logical = logical[:-1] + line  # quoted-printable soft line break
                    continue
                if line[:1] in (b" ", b"\t"):
                    logical += line[1:]  # a folded line
                    continue
            # ``logical`` is complete: handle it.
            word = logical.strip().upper()
            if word == b"BEGIN:VCARD":
                if card is None:
                    card, start, depth = VCard(encodings=encodings), logical_at, 0
                else:
                    depth += 1
            elif word == b"END:VCARD":
                if depth:
                    depth -= 1
                elif card is not None:
                    if progress is not None:
                        progress.done = number
                    yield start, card
                    card = None
            elif card is not None and not depth and word:
                prop = _parse_property(logical, encodings)
                if prop is not None:
                    card.props.append(prop)
        logical, logical_at = line, number
        colon = line.find(b":")
        qp = b"QUOTED-PRINTABLE" in line[: colon if colon >= 0 else len(line)].upper()
    if card is not None and card.props:
        yield start, card


_JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_FAX = frozenset({"FAX", "PAGER", "MODEM", "TEXTPHONE"})


def _rank(prop: VProp) -> int:
    types = prop.types
    if "WORK" in types:
        return 0
    if "PREF" in types:
        return 1
    if "CELL" in types:
        return 2
    if "HOME" in types:
        return 4
    return 3


def _best(card: VCard, name: str) -> VProp | None:
    props = [p for p in card.all(name) if not p.types & _FAX and card.text(p).strip(" ;")]
    return min(props, key=_rank) if props else None  # min() keeps the file's order on ties


def _joined(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def vcard_row(card: VCard) -> list[str]:
    """One vCard as a row of :data:`VCARD_COLUMNS`.

    The name comes from N in Japanese order (山田 太郎) when N is Japanese, else FN;
    the reading from X-PHONETIC-*, SOUND;X-IRMC-N (Japanese phones), N's SORT-AS or
    SORT-STRING; ORG's first unit is the company, the others the department. Of several
    phones, e-mails and addresses the work one is taken, then the preferred one, a
    mobile (phones), and a home one last; faxes never.
    """
    orgs = card.all("ORG")
    units = card.parts(orgs[0]) if orgs else []
    company = units[0] if units else ""
    department = _joined(*units[1:])
    company_kana = card.first_text("X-PHONETIC-ORG")
    if not company_kana and orgs:
        company_kana = _joined(*orgs[0].params.get("SORT-AS", []))

    ns = card.all("N")
    n = card.parts(ns[0]) + [""] * 5 if ns else [""] * 5
    family, given = n[0], n[1]
    formatted = card.first_text("FN")
    if _JAPANESE.search(family + given):
        name = _joined(family, given)
    elif formatted:
        name = formatted
    else:
        name = _joined(given, family)
    show_as = card.first_text("X-ABSHOWAS").upper()
    if not (family or given) and company and (formatted == company or show_as == "COMPANY"):
        name = ""  # the company's own card: no person to add as a contact

    kana = _joined(
        card.first_text("X-PHONETIC-LAST-NAME"), card.first_text("X-PHONETIC-FIRST-NAME")
    )
    if not kana:
        for sound in card.all("SOUND"):
            if "X-IRMC-N" in sound.types:
                kana = _joined(*card.parts(sound))
                break
    if not kana and ns:
        kana = _joined(*ns[0].params.get("SORT-AS", []))
    if not kana:
        kana = card.first_text("SORT-STRING")
    if not name and kana and not company_kana:
        company_kana, kana = kana, ""

    tel = _best(card, "TEL")
    phone = re.sub(r"^tel:", "", card.text(tel).strip(), flags=re.I) if tel else ""
    mail = _best(card, "EMAIL")
    email = re.sub(r"^mailto:", "", card.text(mail).strip(), flags=re.I) if mail else ""
    adr = _best(card, "ADR")
    address = ""
    if adr is not None:
        a = card.parts(adr) + [""] * 7
        address = _joined(a[5], a[4], a[3], a[2], a[1])  # 〒, prefecture, city, street, building
    title = card.first_text("TITLE") or card.first_text("ROLE")
    note = card.first_text("NOTE")
    person = bool(name)
    return [
        company,
        company_kana,
        department if person else "",
        name,
        kana,
        title if person else "",
        phone if person else "",
        email if person else "",
        address,
        card.first_text("URL"),
        note if person else "",
        "" if person else phone,
        "" if person else email,
        "" if person else note,
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
