"""Text normalisation for width- and kana-blind search.

A rep types サトウ, ｻﾄｳ or さとう and expects the same rows; ０９０ must find 090 and
090-1234 must find 09012345678. Both the stored search text and every query go
through :func:`normalise`, so a plain substring match does the rest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_KATAKANA_START = 0x30A1  # ァ
_KATAKANA_END = 0x30F6  # ヶ
_KANA_OFFSET = 0x60
_KATA_TO_HIRA = {c: c - _KANA_OFFSET for c in range(_KATAKANA_START, _KATAKANA_END + 1)}
# Whitespace and the separators people put into phone numbers and names.
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—−()・.]+")
FIELD_SEPARATOR = "\n"
# With the IME on, a dash typed between digits comes out as a long-vowel mark or a wave.
_DASH_BETWEEN_DIGITS = re.compile(r"(?<=\d)\s*[ー〜~]\s*(?=\d)")


def normalise(text: str) -> str:
    """Fold width, kana script, case and separators so variants compare equal."""
    folded = _DASH_BETWEEN_DIGITS.sub("-", unicodedata.normalize("NFKC", text))
    folded = folded.casefold().translate(_KATA_TO_HIRA)
    # Dropping a separator can leave a base letter next to a combining mark (カ・゙ → が);
    # composing again keeps normalise(normalise(x)) == normalise(x).
    return unicodedata.normalize("NFKC", _SEPARATORS.sub("", folded))


def search_blob(parts: Iterable[str]) -> str:
    """The stored search text for a prospect: normalised parts, one per line.

    Lines keep a match from spanning two fields (company end + contact start).
    """
    return FIELD_SEPARATOR.join(n for n in (normalise(p) for p in parts if p) if n)


def like_pattern(term: str) -> str | None:
    """A ``LIKE`` pattern (escape ``\\``) for a query, or None when it normalises to nothing."""
    norm = normalise(term)
    if not norm:
        return None
    escaped = norm.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def prospect_search_texts(
    company: str,
    company_kana: str,
    phone: str,
    email: str,
    contacts: Iterable[tuple[str, str, str, str]],
) -> tuple[str, str]:
    """``(search_text, search_names)`` for a prospect and its live contacts.

    ``contacts`` holds ``(name, name_kana, phone, email)`` per contact. The first text is
    everything searchable; the second only the names and readings, :func:`spaced`.
    """
    everything = [company, company_kana, phone, email]
    names = [company, company_kana]
    for c_name, c_kana, c_phone, c_email in contacts:
        everything += [c_name, c_kana, c_phone, c_email]
        names += [c_name, c_kana]
    return search_blob(everything), spaced(search_blob(names))


def spaced(text: str) -> str:
    """Characters separated by spaces, so a word tokenizer indexes each one.

    SQLite's trigram index cannot look up terms of one or two characters (山田, 田中);
    an FTS5 ``unicode61`` index over the spaced names can, as a phrase ("山 田").
    """
    return " ".join(text)


def clean_contact_value(text: str) -> str:
    """A phone number or e-mail address as stored: half-width, IME dashes made plain.

    ０９０ー１２３４ー５６７８ is kept as 090-1234-5678, ｔａｒｏ＠ｅｘ.ｊｐ as taro@ex.jp,
    so links, dialling and exports work whatever the input mode was.
    """
    return _DASH_BETWEEN_DIGITS.sub("-", unicodedata.normalize("NFKC", text)).strip()


def sort_key(company: str, company_kana: str) -> str:
    """The list's order for a company: its reading, width- and script-folded.

    Hiragana, katakana and half-width readings sort together; a company without a
    reading sorts by its name.
    """
    return normalise(company_kana) or normalise(company)
