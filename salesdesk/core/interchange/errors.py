"""Error codes of imports and exports; the UI and CLI turn them into the rep's language."""

from __future__ import annotations

EMPTY_FILE = "empty_file"
BINARY_FILE = "binary_file"
#: An Office container (OLE2): an Excel 97-2003 .xls, or an .xlsx saved with a password.
OLD_OR_LOCKED_WORKBOOK = "old_or_locked_workbook"
UNKNOWN_ENCODING = "unknown_encoding"  # neither UTF-8 nor CP932: the rep picks one
WRONG_ENCODING = "wrong_encoding"  # the chosen encoding cannot decode the file
MALFORMED_CSV = "malformed_csv"  # e.g. a quote never closed
MALFORMED_VCARD = "malformed_vcard"
FIELD_TOO_LARGE = "field_too_large"  # a cell over FIELD_SIZE_CAP characters
UNREADABLE_FILE = "unreadable_file"  # missing, no permission, not a workbook...
NO_COMPANY_COLUMN = "no_company_column"  # the mapping sends no column to the company
INVALID_ROWS = "invalid_rows"  # rows failed validation and skipping was not chosen
CANCELLED = "cancelled"
UNENCODABLE = "unencodable"  # export: characters the chosen encoding cannot hold
NOT_A_DUMP = "not_a_dump"
NEWER_DUMP = "newer_dump"  # a dump with tables/columns this SalesDesk does not know
NOT_EMPTY = "not_empty"  # a full restore into a data file that has data, without replace
UNKNOWN_PRESET = "unknown_preset"

# Row-level reasons (besides salesdesk.core.validation's field codes).
RAGGED_ROW = "ragged_row"  # more cells than the header has columns


class InterchangeError(Exception):
    """An import or export could not be done; nothing was written.

    ``code`` is one of this module's constants; ``detail`` is plain data for the message
    (a line number, a character, a path...).
    """

    def __init__(self, code: str, detail: str = "", line: int | None = None) -> None:
        self.code = code
        self.detail = detail
        self.line = line
        where = f" (line {line})" if line is not None else ""
        super().__init__(f"{code}{where}{': ' + detail if detail else ''}")
