"""E-mail drafts for a customer's action item (DOMAIN.md §4): the friendly check before
the deadline and the reminder once it has passed, in Japanese and English.

A template is plain text with named placeholders (``{contact}``, ``{item}``, …; ``{{``
and ``}}`` for literal braces) in three parts: the subject, the body, and the sentence
that names the consequence of a delay, which fills ``{consequence_sentence}`` only when
the item has a consequence. A body line whose placeholders all come out empty is left
out, so a missing consequence, sender or signature leaves no gap.

The defaults live here; the rep's edited templates are stored in the data folder
(``Paths.email_templates``) and take their place. A template with an unknown placeholder
or a stray brace raises :class:`TemplateError` with a code, never a ``KeyError``.
"""

from __future__ import annotations

import enum
import json
import os
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

from salesdesk.core.action_items import ActionItem

__all__ = [
    "BAD_BRACES",
    "LANGUAGES",
    "PLACEHOLDERS",
    "UNKNOWN_PLACEHOLDER",
    "Draft",
    "DraftMoment",
    "Sender",
    "Template",
    "TemplateError",
    "TemplateStore",
    "compose",
    "default_template",
    "format_deadline",
    "mailto_url",
    "render",
]

LANGUAGES = ("ja", "en")

#: Error codes of :class:`TemplateError`.
UNKNOWN_PLACEHOLDER = "unknown_placeholder"
BAD_BRACES = "bad_braces"

#: Every placeholder a template may use, in the order the template editor lists them.
PLACEHOLDERS = (
    "contact",
    "company",
    "item",
    "deadline",
    "consequence",
    "consequence_sentence",
    "sender",
    "signature",
)
PARTS = ("subject", "body", "consequence")


class DraftMoment(enum.StrEnum):
    CHECK = "check"  # the friendly progress check inside the lead time
    OVERDUE = "overdue"  # the deadline has passed


@dataclass(frozen=True, slots=True)
class Template:
    subject: str
    body: str
    consequence: str  # fills {consequence_sentence} when the item names a consequence

    def validate(self) -> None:
        """Raise :class:`TemplateError` for the first part that cannot be filled."""
        for part in PARTS:
            check_text(getattr(self, part), part)


class TemplateError(ValueError):
    """A template that cannot be filled: ``code`` is :data:`UNKNOWN_PLACEHOLDER` (with
    ``placeholder``) or :data:`BAD_BRACES`; ``part`` is subject, body or consequence."""

    def __init__(
        self,
        code: str,
        part: str,
        placeholder: str = "",
        moment: DraftMoment | None = None,
        language: str = "",
    ) -> None:
        where = f"{moment.value}/{language} " if moment is not None else ""
        detail = f" {{{placeholder}}}" if placeholder else ""
        super().__init__(f"{where}{part}: {code}{detail}")
        self.code = code
        self.part = part
        self.placeholder = placeholder
        self.moment = moment
        self.language = language

    def located(self, moment: DraftMoment, language: str) -> TemplateError:
        return TemplateError(self.code, self.part, self.placeholder, moment, language)


def check_text(text: str, part: str = "body") -> list[str]:
    """The placeholders ``text`` uses; :class:`TemplateError` when one is unknown or a
    brace is unmatched. ``{name!r}``, ``{name:>10}``, ``{0}`` and ``{a.b}`` are refused
    too: a template names its placeholders and nothing else."""
    used: list[str] = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise TemplateError(BAD_BRACES, part) from None
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise TemplateError(UNKNOWN_PLACEHOLDER, part, shown)
        used.append(name)
    return used


# -- the defaults (the project's own wording) ---------------------------------------------
_JA_HEAD = "{company}\n{contact}\n\nいつも大変お世話になっております。\n{sender}でございます。\n\n"
_EN_HEAD = "Dear {contact},\n\n"

_DEFAULTS: dict[tuple[DraftMoment, str], Template] = {
    (DraftMoment.CHECK, "ja"): Template(
        subject="「{item}」の件でお手伝いできることはございますか",
        body=_JA_HEAD
        + "{deadline}までにご対応をお願いしております「{item}」の件で、ご連絡いたしました。\n"
        "その後、ご状況はいかがでしょうか。\n"
        "{consequence_sentence}\n\n"
        "お進めいただく中でご不明な点や、こちらでご用意できる資料・ご説明などが"
        "ございましたら、どうぞお気軽にお申し付けください。\n\n"
        "引き続きどうぞよろしくお願いいたします。\n\n"
        "{signature}\n",
        consequence="なお、本件は以降の日程にも関わります（遅れますと、{consequence}）。"
        "私どもでもできる限りお手伝いさせていただければと存じます。",
    ),
    (DraftMoment.OVERDUE, "ja"): Template(
        subject="【ご確認のお願い】「{item}」の件",
        body=_JA_HEAD + "「{item}」につきまして、{deadline}を期限としてお願いしておりましたが、"
        "現時点でまだ確認できておりません。\n"
        "{consequence_sentence}\n\n"
        "お忙しいところ誠に恐縮ですが、ご状況と、ご対応いただける見込みの日時を"
        "お知らせいただけますでしょうか。\n"
        "ご事情により難しい点がございましたら、今後の進め方をご一緒にご相談させて"
        "いただければと存じます。\n\n"
        "後ほど、改めてお電話でもご連絡させていただきます。\n\n"
        "なお、本メールと行き違いでご対応いただいておりましたら、何卒ご容赦ください。\n"
        "引き続きどうぞよろしくお願いいたします。\n\n"
        "{signature}\n",
        consequence="このままですと、以降の日程に次の影響が出てしまいます。\n　・{consequence}",
    ),
    (DraftMoment.CHECK, "en"): Template(
        subject="Checking in: {item}",
        body=_EN_HEAD + "I hope all is well with you.\n\n"
        'I am writing about "{item}", which your team at {company} is planning to '
        "complete by {deadline}. How is it coming along?\n\n"
        "{consequence_sentence}\n\n"
        "If any questions have come up, or if there is anything we could prepare or "
        "explain to make it easier, please let me know. I would be glad to help.\n\n"
        "Thank you, and I look forward to hearing from you.\n\n"
        "Best regards,\n\n"
        "{signature}\n",
        consequence="Since the next steps build on it (a delay would mean: {consequence}), "
        "I wanted to make sure you have everything you need.",
    ),
    (DraftMoment.OVERDUE, "en"): Template(
        subject="Reminder: {item}",
        body=_EN_HEAD + "I hope you are well.\n\n"
        'I am following up on "{item}", which your team at {company} had planned to '
        "complete by {deadline}. As far as I can see, we have not received it yet.\n\n"
        "{consequence_sentence}\n\n"
        "Could you let me know where things stand and when we can expect it? If "
        "something is holding it up, I would be happy to talk about a new date or to "
        "help in any way.\n\n"
        "I will also give you a call shortly so we can go over it together.\n\n"
        "If it is already on its way and our messages crossed, please disregard this "
        "note.\n\n"
        "Thank you for your help.\n\n"
        "Best regards,\n\n"
        "{signature}\n",
        consequence="Unfortunately, the delay now affects the schedule that follows:\n"
        "  - {consequence}",
    ),
}


def default_template(moment: DraftMoment | str, language: str) -> Template:
    return _DEFAULTS[(DraftMoment(moment), _language(language))]


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"no e-mail templates in {language!r}")
    return language


# -- the rep's edited templates ------------------------------------------------------------
class TemplateStore:
    """The rep's edited templates in one JSON file; what is not there is the default.

    A damaged or hand-broken file reads as "nothing edited" for the parts it cannot
    give; a stored template with a bad placeholder is returned as it is, and
    :func:`compose` reports it with a :class:`TemplateError`.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[tuple[DraftMoment, str], Template]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        found: dict[tuple[DraftMoment, str], Template] = {}
        if not isinstance(raw, dict):
            return found
        for moment in DraftMoment:
            by_language = raw.get(moment.value)
            if not isinstance(by_language, dict):
                continue
            for language in LANGUAGES:
                parts = by_language.get(language)
                if not isinstance(parts, dict):
                    continue
                default = _DEFAULTS[(moment, language)]
                values = {
                    p: parts[p] if isinstance(parts.get(p), str) else getattr(default, p)
                    for p in PARTS
                }
                found[(moment, language)] = Template(**values)
        return found

    def edited(self) -> dict[tuple[DraftMoment, str], Template]:
        """The templates the rep has changed, by (moment, language)."""
        return self._read()

    def get(self, moment: DraftMoment | str, language: str) -> Template:
        key = (DraftMoment(moment), _language(language))
        return self._read().get(key, _DEFAULTS[key])

    def is_edited(self, moment: DraftMoment | str, language: str) -> bool:
        return (DraftMoment(moment), _language(language)) in self._read()

    def save(self, templates: Mapping[tuple[DraftMoment, str], Template]) -> None:
        """Store ``templates`` (all four, or some: the others keep what they have).

        Every template is checked first; a bad one raises :class:`TemplateError` and
        nothing is written. One equal to its default is stored as "not edited".
        """
        for (moment, language), template in templates.items():
            try:
                template.validate()
            except TemplateError as exc:
                raise exc.located(moment, language) from None
        merged = self._read()
        for key, template in templates.items():
            if template == _DEFAULTS[key]:
                merged.pop(key, None)
            else:
                merged[key] = template
        self._write(merged)

    def reset(self, moment: DraftMoment | str, language: str) -> None:
        """Back to the default wording for one moment and language."""
        merged = self._read()
        if merged.pop((DraftMoment(moment), _language(language)), None) is not None:
            self._write(merged)

    def _write(self, templates: Mapping[tuple[DraftMoment, str], Template]) -> None:
        data: dict[str, dict[str, dict[str, str]]] = {}
        for (moment, language), t in sorted(templates.items()):
            data.setdefault(moment.value, {})[language] = {p: getattr(t, p) for p in PARTS}
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)


# -- filling a template --------------------------------------------------------------------
class _Profile(Protocol):
    name: str
    company: str
    signature: str

    def default_signature(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Sender:
    """The rep, as the drafts sign: from the rep's profile."""

    name: str = ""
    company: str = ""
    signature: str = ""

    @classmethod
    def from_profile(cls, profile: _Profile) -> Sender:
        """From ``salesdesk.profile.Profile`` (File → My profile…); without a written
        signature, the one made of name, company, phone and e-mail."""
        return cls(profile.name, profile.company, profile.signature or profile.default_signature())


@dataclass(frozen=True, slots=True)
class Draft:
    to: str
    subject: str
    body: str
    language: str

    def as_text(self) -> str:
        """Subject and body as one text for the clipboard."""
        label = "件名：" if self.language == "ja" else "Subject: "
        return f"{label}{self.subject}\n\n{self.body}"

    def mailto(self) -> str:
        return mailto_url(self.to, self.subject, self.body)


_JA_WEEKDAYS = "月火水木金土日"
_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip


def format_deadline(moment: datetime, language: str, zone: tzinfo | None = None) -> str:
    """The deadline as a customer reads it, in the rep's time zone (the machine's unless
    ``zone`` is given): ``2026年12月4日（金）17:00`` / ``5:00 PM on Friday, December 4, 2026``."""
    local = moment.astimezone(zone)
    if language == "ja":
        return (
            f"{local.year}年{local.month}月{local.day}日"
            f"（{_JA_WEEKDAYS[local.weekday()]}）{local.hour}:{local.minute:02d}"
        )
    hour = local.hour % 12 or 12
    half = "AM" if local.hour < 12 else "PM"
    return (
        f"{hour}:{local.minute:02d} {half} on {_EN_WEEKDAYS[local.weekday()]}, "
        f"{_EN_MONTHS[local.month - 1]} {local.day}, {local.year}"
    )


_HONORIFICS = ("様", "さま", "殿", "さん", "御中")
_TRAILING_STOP = "。．.!！ 　\n\t"


def addressee(contact_name: str, company: str, language: str) -> str:
    """``山田 太郎様`` / ``ご担当者様``; ``Taro Yamada`` / ``Acme team``."""
    name = contact_name.strip()
    if language == "ja":
        if not name:
            return "ご担当者様"
        return name if name.endswith(_HONORIFICS) else f"{name}様"
    if name:
        return name
    return f"{company.strip()} team" if company.strip() else "Sir or Madam"


def sender_line(sender: Sender, language: str) -> str:
    """``株式会社ABCの鈴木`` (who writes, for the Japanese opening); may be empty."""
    name, company = sender.name.strip(), sender.company.strip()
    if language == "ja":
        return f"{company}の{name}" if name and company else name or company
    return f"{name}, {company}" if name and company else name or company


def render(
    template: Template,
    values: Mapping[str, str],
) -> tuple[str, str]:
    """(subject, body) of ``template`` filled with ``values`` (one per placeholder).

    A body line whose placeholders all came out empty is dropped, and blank lines never
    pile up to more than one.
    """
    template.validate()
    consequence = values.get("consequence", "")
    filled = {name: "" for name in PLACEHOLDERS} | dict(values)
    filled["consequence_sentence"] = (
        template.consequence.format_map(filled).strip() if consequence else ""
    )
    subject = " ".join(template.subject.format_map(filled).split())
    lines: list[str] = []
    for line in template.body.splitlines():
        names = check_text(line)
        text = line.format_map(filled)
        if names and not any(filled[n] for n in names):
            continue
        lines.append(text.rstrip())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
    return subject, body


def values_for(
    item: ActionItem, sender: Sender, language: str, zone: tzinfo | None = None
) -> dict[str, str]:
    """The placeholders' values for ``item`` (``consequence_sentence`` is the template's)."""
    return {
        "contact": addressee(item.contact_name, item.company, language),
        "company": item.company.strip(),
        "item": item.title.strip(),
        "deadline": format_deadline(item.due_at, language, zone),
        "consequence": item.consequence.strip().rstrip(_TRAILING_STOP),
        "consequence_sentence": "",
        "sender": sender_line(sender, language),
        "signature": sender.signature.strip(),
    }


def compose(
    item: ActionItem,
    moment: DraftMoment | str,
    language: str,
    sender: Sender,
    store: TemplateStore | None = None,
    zone: tzinfo | None = None,
) -> Draft:
    """The draft for ``item`` at ``moment`` in ``language``, from the rep's template (or
    the default); :class:`TemplateError` when the rep's template cannot be filled."""
    moment = DraftMoment(moment)
    language = _language(language)
    template = store.get(moment, language) if store is not None else _DEFAULTS[(moment, language)]
    try:
        subject, body = render(template, values_for(item, sender, language, zone))
    except TemplateError as exc:
        raise exc.located(moment, language) from None
    return Draft(item.contact_email.strip(), subject, body, language)


def mailto_url(to: str, subject: str, body: str) -> str:
    """A ``mailto:`` URL (RFC 6068): UTF-8 percent-encoded, line breaks as ``%0D%0A``,
    and ``+``, ``&``, ``=``, ``#``, ``?`` and ``%`` escaped so no mail client misreads them."""
    crlf = re.sub(r"\r\n|\r|\n", "\r\n", body)
    address = quote(to.strip(), safe="@!$'()*,;:")
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"
