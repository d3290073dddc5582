"""Text normalisation for width- and kana-blind search.

A rep types サトウ, ｻﾄｳ or さとう and expects the same rows; ０９０ must find 090 and
090-1234 must find 09012345678. Both the stored search text and every query go
through :func:`normalise`, so a plain substring match does the rest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

_KATAKANA_START = 0x30A1  # ァ
_KATAKANA_END = 0x30F6  # ヶ
_KANA_OFFSET = 0x60
_KATA_TO_HIRA = {c: c - _KANA_OFFSET for c in range(_KATAKANA_START, _KATAKANA_END + 1)}
# str.translate looks every character up in the table, one Python call each; finding the
# katakana runs first is several times cheaper on long (joined) texts.
_KATAKANA_RUN = re.compile(f"[{chr(_KATAKANA_START)}-{chr(_KATAKANA_END)}]+")
# Whitespace and the separators people put into phone numbers and names.
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—−()・.]+")
FIELD_SEPARATOR = "\n"
# With the IME on, a dash typed between digits comes out as a long-vowel mark or a wave.
_DASH_BETWEEN_DIGITS = re.compile(r"(?<=\d)\s*[ー〜~]\s*(?=\d)")


def normalise(text: str) -> str:
    """Fold width, kana script, case and separators so variants compare equal."""
    if not text:
        return ""
    folded = _DASH_BETWEEN_DIGITS.sub("-", unicodedata.normalize("NFKC", text))
    folded = _KATAKANA_RUN.sub(_hiragana, folded.casefold())
    # Dropping a separator can leave a base letter next to a combining mark (カ・゙ → が);
    # composing again keeps normalise(normalise(x)) == normalise(x).
    return unicodedata.normalize("NFKC", _SEPARATORS.sub("", folded))


def _hiragana(run: re.Match[str]) -> str:
    return run.group().translate(_KATA_TO_HIRA)


#: Joins the texts :func:`normalise_many` folds in one pass. Every step of normalise acts
#: on one character or on a run that cannot cross it: NFKC neither changes nor composes
#: with it, it is no whitespace, digit, dash or separator, and case and kana folding
#: leave it alone.
PASS_SEPARATOR = "\x00"
#: The ASCII characters :data:`_SEPARATORS` drops, as a table for str.translate (which
#: is fast on ASCII text).
_ASCII_SEPARATORS = dict.fromkeys(c for c in range(128) if _SEPARATORS.fullmatch(chr(c)))


def _normalise_ascii(text: str) -> str:
    """:func:`normalise` of ASCII text: NFKC and kana folding change nothing there."""
    if "~" in text:
        text = _DASH_BETWEEN_DIGITS.sub("-", text)
    return text.lower().translate(_ASCII_SEPARATORS)


def normalise_many(texts: Sequence[str]) -> list[str]:
    """``[normalise(t) for t in texts]``, folding them all in a few passes.

    For bulk work (imports): each step runs once over the joined texts in C instead of
    once per text, and ASCII texts (phone numbers, e-mail addresses) take a shorter way.
    A text that itself holds the joining character is folded on its own.
    """
    if not texts:
        return []
    out = list(texts)
    ascii_at = [i for i, t in enumerate(texts) if t.isascii()]
    other_at = [i for i, t in enumerate(texts) if not t.isascii()]
    for at, fold in ((ascii_at, _normalise_ascii), (other_at, normalise)):
        if not at:
            continue
        joined = PASS_SEPARATOR.join([texts[i] for i in at])
        if joined.count(PASS_SEPARATOR) != len(at) - 1:
            folded = [fold(texts[i]) for i in at]
        else:
            folded = fold(joined).split(PASS_SEPARATOR)
        for i, value in zip(at, folded, strict=True):
            out[i] = value
    return out


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
