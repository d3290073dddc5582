"""Which column of the rep's file goes to which SalesDesk field; presets; remembered choices.

A mapping is an ordered list of ``(column header, field)`` pairs. Several columns may
feed one field: names and addresses are joined with a space in the listed order (family
name first, as Japanese address books write it); phones and e-mails take the first
non-empty column (a business phone before a mobile).
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from salesdesk.core.interchange import errors as E
from salesdesk.core.interchange.errors import InterchangeError

#: Prospect fields, then contact fields; the SalesDesk export writes these as headers.
PROSPECT_FIELDS = (
    "company", "company_kana", "stage", "is_customer", "phone", "email", "address",
    "website", "notes",
)  # fmt: skip
CONTACT_FIELDS = (
    "contact_name", "contact_kana", "contact_title", "contact_department",
    "contact_is_decision_maker", "contact_phone", "contact_email", "contact_notes",
)  # fmt: skip
#: ``id`` matches a prospect exported by SalesDesk itself.
FIELDS = ("id", *PROSPECT_FIELDS, *CONTACT_FIELDS)
FIRST_NON_EMPTY = frozenset({"phone", "email", "contact_phone", "contact_email", "id"})

Mapping = list[tuple[str, str]]

GOOGLE = "google"
OUTLOOK = "outlook"
SALESDESK = "salesdesk"

PRESETS: dict[str, Mapping] = {
    # Google Contacts "Google CSV": the current export, then the older column names.
    GOOGLE: [
        ("Organization Name", "company"), ("Organization 1 - Name", "company"),
        ("Organization Phonetic Name", "company_kana"),
        ("Organization 1 - Yomi Name", "company_kana"), ("Organization 1 - Yomi", "company_kana"),
        ("Address 1 - Formatted", "address"), ("Website 1 - Value", "website"),
        ("Last Name", "contact_name"), ("First Name", "contact_name"),
        ("Family Name", "contact_name"), ("Given Name", "contact_name"),
        ("Phonetic Last Name", "contact_kana"), ("Phonetic First Name", "contact_kana"),
        ("Family Name Yomi", "contact_kana"), ("Given Name Yomi", "contact_kana"),
        ("Organization Title", "contact_title"), ("Organization 1 - Title", "contact_title"),
        ("Organization Department", "contact_department"),
        ("Organization 1 - Department", "contact_department"),
        ("Phone 1 - Value", "contact_phone"), ("Phone 2 - Value", "contact_phone"),
        ("Phone 3 - Value", "contact_phone"),
        ("E-mail 1 - Value", "contact_email"), ("E-mail 2 - Value", "contact_email"),
        ("E-mail 3 - Value", "contact_email"),
        ("Notes", "contact_notes"),
    ],
    # Outlook's "Comma Separated Values" export. Its headers are in Outlook's language:
    # the English ones, then the Japanese ones (the current names, "会社電話"..., then
    # the "勤務先" names of older versions). A file has one set; each keeps its order.
    OUTLOOK: [
        ("Company", "company"), ("Company Yomi", "company_kana"),
        ("Company Main Phone", "phone"),
        ("Business Postal Code", "address"), ("Business State", "address"),
        ("Business City", "address"), ("Business Street", "address"),
        ("Business Street 2", "address"), ("Business Street 3", "address"),
        ("Web Page", "website"),
        ("Last Name", "contact_name"), ("First Name", "contact_name"),
        ("Surname Yomi", "contact_kana"), ("Given Yomi", "contact_kana"),
        ("Job Title", "contact_title"), ("Department", "contact_department"),
        ("Business Phone", "contact_phone"), ("Business Phone 2", "contact_phone"),
        ("Mobile Phone", "contact_phone"),
        ("E-mail Address", "contact_email"), ("E-mail 2 Address", "contact_email"),
        ("Notes", "contact_notes"),
        ("会社名", "company"), ("会社名フリガナ", "company_kana"), ("会社代表電話", "phone"),
        ("郵便番号 (会社)", "address"), ("都道府県 (会社)", "address"),
        ("市町村 (会社)", "address"), ("番地 (会社)", "address"),
        ("住所 2 (会社)", "address"), ("住所 3 (会社)", "address"),
        ("勤務先住所 郵便番号", "address"), ("勤務先住所 都道府県", "address"),
        ("勤務先住所 市区町村", "address"), ("勤務先住所 番地", "address"),
        ("Web ページ", "website"),
        ("姓", "contact_name"), ("名", "contact_name"),
        ("姓フリガナ", "contact_kana"), ("名前フリガナ", "contact_kana"),
        ("名フリガナ", "contact_kana"),
        ("役職", "contact_title"), ("部署", "contact_department"),
        ("会社電話", "contact_phone"), ("会社電話 2", "contact_phone"),
        ("勤務先電話", "contact_phone"), ("勤務先電話 2", "contact_phone"),
        ("携帯電話", "contact_phone"),
        ("電子メール アドレス", "contact_email"), ("電子メール 2 アドレス", "contact_email"),
        ("メモ", "contact_notes"),
    ],
    SALESDESK: [(f, f) for f in FIELDS],
}  # fmt: skip

#: Headers a rep's own spreadsheet commonly uses (compared width/case-blind).
_ALIASES: dict[str, str] = {
    "会社名": "company", "会社": "company", "企業名": "company", "法人名": "company",
    "社名": "company", "取引先": "company", "取引先名": "company", "顧客名": "company",
    "company name": "company", "organization": "company",
    "会社名カナ": "company_kana", "会社名(カナ)": "company_kana", "フリガナ": "company_kana",
    "ふりがな": "company_kana", "よみ": "company_kana", "読み": "company_kana",
    "ステージ": "stage", "段階": "stage", "顧客": "is_customer",
    "電話": "phone", "電話番号": "phone", "代表電話": "phone", "tel": "phone",
    "メール": "email", "メールアドレス": "email", "e-mail": "email", "mail": "email",
    "住所": "address", "所在地": "address", "url": "website", "ホームページ": "website",
    "web": "website", "備考": "notes", "メモ": "notes", "note": "notes",
    "担当者": "contact_name", "担当者名": "contact_name", "氏名": "contact_name",
    "名前": "contact_name", "contact": "contact_name", "担当者カナ": "contact_kana",
    "氏名カナ": "contact_kana", "役職": "contact_title", "部署": "contact_department",
    "部署名": "contact_department", "決裁者": "contact_is_decision_maker",
    "携帯": "contact_phone", "携帯電話": "contact_phone", "担当者電話": "contact_phone",
    "担当者メール": "contact_email",
    # Names split in two, readings, addresses split in parts (joined in the file's order,
    # except that a family name always comes before a given name: see guess_mapping).
    "姓": "contact_name", "名": "contact_name", "セイ": "contact_kana", "メイ": "contact_kana",
    "姓(カナ)": "contact_kana", "名(カナ)": "contact_kana", "姓カナ": "contact_kana",
    "名カナ": "contact_kana", "姓フリガナ": "contact_kana", "名フリガナ": "contact_kana",
    "担当者フリガナ": "contact_kana", "氏名フリガナ": "contact_kana",
    "会社名フリガナ": "company_kana", "会社名(フリガナ)": "company_kana",
    "郵便番号": "address", "〒": "address", "都道府県": "address", "市区町村": "address",
    "番地": "address", "役職名": "contact_title", "携帯番号": "contact_phone",
    "電子メール": "email", "eメール": "email", "ウェブサイト": "website", "webサイト": "website",
}  # fmt: skip
#: Given-name columns, put after the family-name ones whatever the file's column order.
_GIVEN = frozenset({"名", "メイ", "名(カナ)", "名カナ", "名フリガナ", "first name", "given name"})


def is_given_name(header: str) -> bool:
    """A given-name column (名, First Name): joined after the family name's."""
    return _fold(header) in _GIVEN


def _fold(header: str) -> str:
    return unicodedata.normalize("NFKC", header).strip().casefold().replace(" ", " ")


_KNOWN = {_fold(h) for preset in PRESETS.values() for h, _f in preset} | {
    _fold(a) for a in _ALIASES
}


def is_known_header(cell: str) -> bool:
    """Whether ``cell`` is a column name some preset or alias knows (header detection)."""
    return _fold(cell) in _KNOWN


def preset_mapping(name: str, headers: Sequence[str]) -> Mapping:
    """The preset ``name`` restricted to the columns ``headers`` has."""
    if name not in PRESETS:
        raise InterchangeError(E.UNKNOWN_PRESET, name)
    present = {_fold(h): h for h in headers}
    return [(present[_fold(h)], f) for h, f in PRESETS[name] if _fold(h) in present]


def guess_preset(headers: Sequence[str]) -> str | None:
    """The preset whose own columns the file has most of (at least three), or None.

    Columns a rep's own list has as often (会社名, 部署, 役職, 携帯電話...) do not count:
    Outlook's Japanese export has them too, among columns only it has.
    """
    best, best_hits = None, 2
    folded = {_fold(h) for h in headers} - _ALIASES.keys()
    for name, preset in PRESETS.items():
        hits = sum(1 for h, _f in preset if _fold(h) in folded)
        if hits > best_hits:
            best, best_hits = name, hits
    return best


def guess_mapping(headers: Sequence[str]) -> Mapping:
    """A starting mapping: the best preset, then field names and common Japanese headers
    for the columns the preset does not know."""
    preset = guess_preset(headers)
    out = preset_mapping(preset, headers) if preset is not None else []
    covered = {h for h, _f in out}
    more: Mapping = []
    for h in headers:
        folded = _fold(h)
        field = folded if folded in FIELDS else _ALIASES.get(folded)
        if field is not None and h not in covered:
            more.append((h, field))
    # Stable: only given names move (after everything, so after their family name).
    return out + sorted(more, key=lambda pair: is_given_name(pair[0]))


def validate_mapping(mapping: Mapping, headers: Sequence[str]) -> None:
    """Refuse a mapping without a company column (every prospect needs its company)."""
    known = set(headers)
    if not any(f == "company" and h in known for h, f in mapping):
        raise InterchangeError(E.NO_COMPANY_COLUMN)


def load_mapping_file(path: Path) -> Mapping:
    """A mapping saved as JSON: ``[[header, field], ...]`` or ``{header: field}``."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InterchangeError(E.UNKNOWN_PRESET, str(exc)) from exc
    pairs = raw.items() if isinstance(raw, dict) else raw
    out: Mapping = []
    for pair in pairs:
        h, f = pair
        if f not in FIELDS:
            raise InterchangeError(E.UNKNOWN_PRESET, f"unknown field {f}")
        out.append((str(h), str(f)))
    return out


@dataclass
class MappingStore:
    """Mappings the rep confirmed, remembered per set of column headers (JSON in the data dir)."""

    file: Path

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> MappingStore:
        return cls(Path(data_dir) / "import_mappings.json")

    @staticmethod
    def _key(headers: Sequence[str]) -> str:
        return "\x1f".join(_fold(h) for h in headers)

    def _load(self) -> dict[str, list[list[str]]]:
        try:
            raw = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return raw if isinstance(raw, dict) else {}

    def recall(self, headers: Sequence[str]) -> Mapping | None:
        """The mapping last used for a file with exactly these headers, if any."""
        found = self._load().get(self._key(headers))
        if not isinstance(found, list):
            return None
        known = set(headers)
        return [(h, f) for h, f in found if h in known and f in FIELDS]

    def remember(self, headers: Sequence[str], mapping: Mapping) -> None:
        data = self._load()
        data[self._key(headers)] = [[h, f] for h, f in mapping]
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.file)
