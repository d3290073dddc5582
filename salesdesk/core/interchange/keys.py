"""Keys that say two rows are the same company: normalised name, phone digits, e-mail.

株式会社サトウ, ㈱ｻﾄｳ, (株)さとう and サトウ 株式会社 are one company to a rep; so are
03-1234-5678 and ０３（１２３４）５６７８, and +81 3 1234 5678.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from salesdesk.core.text import PASS_SEPARATOR, normalise, normalise_many

# After NFKC (㈱ → (株)); legal forms before or after the name, Japanese and common English.
_LEGAL_FORMS = re.compile(
    r"株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|"
    r"公益社団法人|公益財団法人|特定非営利活動法人|医療法人|社会福祉法人|学校法人|"
    r"\((?:株|有|同|資|名|社|財|医|福|学)\)|"
    r"\b(?:kabushiki\s+kaisha|co\.,?\s*ltd\.?|inc\.?|ltd\.?|llc|k\.k\.)(?=\W|$)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\D+")
MIN_PHONE_DIGITS = 6


def company_key(name: str) -> str:
    """The company name with width, kana script, legal form, case and spaces folded."""
    folded = unicodedata.normalize("NFKC", name)
    return normalise(_LEGAL_FORMS.sub("", folded))


def company_keys(names: Sequence[str]) -> list[str]:
    """``[company_key(n) for n in names]``, folded in one pass (see normalise_many).

    The legal-form pattern cannot match across the joining character: it is no word
    character, no space and not part of any form, so ``\\b`` and ``(?=\\W|$)`` see it as
    they see the end of a name.
    """
    if not names:
        return []
    joined = PASS_SEPARATOR.join(names)
    if joined.count(PASS_SEPARATOR) != len(names) - 1:
        return [company_key(n) for n in names]
    stripped = _LEGAL_FORMS.sub("", unicodedata.normalize("NFKC", joined))
    return normalise_many(stripped.split(PASS_SEPARATOR))


def phone_key(phone: str) -> str:
    """The phone's digits, +81 written as the domestic 0; empty when too short to trust."""
    # NFKC leaves ASCII as it is; skipping it is worth it once per imported row.
    text = phone.strip() if phone.isascii() else unicodedata.normalize("NFKC", phone).strip()
    digits = _DIGITS.sub("", text)
    if text.startswith("+81"):
        digits = "0" + digits[2:]
    return digits if len(digits) >= MIN_PHONE_DIGITS else ""


def email_key(email: str) -> str:
    """The address, width- and case-folded."""
    if email.isascii():  # NFKC keeps ASCII; casefold is lower-casing there
        return email.strip().lower()
    return unicodedata.normalize("NFKC", email).strip().casefold()
