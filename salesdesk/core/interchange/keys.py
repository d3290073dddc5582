"""Keys that say two rows are the same company: normalised name, phone digits, e-mail.

株式会社サトウ, ㈱ｻﾄｳ, (株)さとう and サトウ 株式会社 are one company to a rep; so are
03-1234-5678 and ０３（１２３４）５６７８, and +81 3 1234 5678.
"""

from __future__ import annotations

import re
import unicodedata

from salesdesk.core.text import normalise

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


def phone_key(phone: str) -> str:
    """The phone's digits, +81 written as the domestic 0; empty when too short to trust."""
    text = unicodedata.normalize("NFKC", phone).strip()
    digits = _DIGITS.sub("", text)
    if text.startswith("+81"):
        digits = "0" + digits[2:]
    return digits if len(digits) >= MIN_PHONE_DIGITS else ""


def email_key(email: str) -> str:
    """The address, width- and case-folded."""
    return unicodedata.normalize("NFKC", email).strip().casefold()
