"""E-mail drafts for a customer's action item: both moments, both languages, the rep's
edited templates, and the mailto: URL."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest

from salesdesk.core.action_items import ActionItem, ActionItemInput, ActionItemService
from salesdesk.core.db import Database
from salesdesk.core.email_drafts import (
    BAD_BRACES,
    UNKNOWN_PLACEHOLDER,
    DraftMoment,
    Sender,
    Template,
    TemplateError,
    TemplateStore,
    compose,
    default_template,
    format_deadline,
    mailto_url,
)
from salesdesk.core.prospects import ContactInput, ProspectInput, ProspectService

TOKYO = ZoneInfo("Asia/Tokyo")
DUE = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)  # Friday 17:00 in Tokyo
SENDER = Sender(
    name="鈴木 一郎",
    company="株式会社サンプル商事",
    signature="鈴木 一郎\n株式会社サンプル商事 営業部\nTEL 03-1234-5678",
)
DEADLINE = {"ja": "2026年12月4日（金）17:00", "en": "5:00 PM on Friday, December 4, 2026"}
BOTH = [(m, lang) for m in DraftMoment for lang in ("ja", "en")]


def _item(db: Database, prospects: ProspectService, consequence: str, contact: bool) -> ActionItem:
    pid = prospects.create(ProspectInput(company="株式会社越後精工"))
    cid = None
    if contact:
        cid = prospects.add_contact(
            pid, ContactInput(name="佐藤 花子", email="hanako.sato@echigo.example.jp")
        )
    items = ActionItemService(db)
    iid = items.add(
        ActionItemInput(pid, "見積書の社内承認", DUE, consequence=consequence, contact_id=cid)
    )
    return items.get(iid)


@pytest.fixture
def item(db: Database, prospects: ProspectService) -> ActionItem:
    return _item(db, prospects, "4月の搬入が遅れる。", contact=True)


@pytest.mark.parametrize(("moment", "language"), BOTH)
def test_a_draft_names_contact_company_item_deadline_consequence_and_signature(
    item: ActionItem, moment: DraftMoment, language: str
) -> None:
    draft = compose(item, moment, language, SENDER, zone=TOKYO)
    text = draft.subject + "\n" + draft.body
    assert draft.to == "hanako.sato@echigo.example.jp"
    assert "佐藤 花子" in draft.body
    assert "株式会社越後精工" in draft.body
    assert "見積書の社内承認" in draft.subject
    assert DEADLINE[language] in text
    # The rep's trailing 。 is not doubled up by the sentence around it.
    assert "4月の搬入が遅れる" in draft.body and "遅れる。" not in draft.body
    assert draft.body.rstrip().endswith("TEL 03-1234-5678")
    assert "\n\n\n" not in draft.body and "{" not in text


def test_japanese_drafts_use_business_keigo_and_the_overdue_one_announces_a_call(
    item: ActionItem,
) -> None:
    check = compose(item, DraftMoment.CHECK, "ja", SENDER, zone=TOKYO)
    assert check.body.startswith(
        "株式会社越後精工\n佐藤 花子様\n\nいつも大変お世話になっております。"
    )
    assert "株式会社サンプル商事の鈴木 一郎でございます。" in check.body
    assert "お気軽にお申し付けください" in check.body  # offers help
    overdue = compose(item, DraftMoment.OVERDUE, "ja", SENDER, zone=TOKYO)
    assert "期限" in overdue.body and "お電話" in overdue.body
    assert "行き違い" in overdue.body


def test_english_drafts_offer_help_before_and_announce_a_call_after_the_deadline(
    item: ActionItem,
) -> None:
    check = compose(item, DraftMoment.CHECK, "en", SENDER, zone=TOKYO)
    assert check.body.startswith("Dear 佐藤 花子,\n")
    assert "glad to help" in check.body and "call" not in check.body
    overdue = compose(item, DraftMoment.OVERDUE, "en", SENDER, zone=TOKYO)
    assert "give you a call" in overdue.body and "not received it yet" in overdue.body


@pytest.mark.parametrize(("moment", "language"), BOTH)
def test_without_a_consequence_its_sentence_is_left_out_without_a_gap(
    db: Database, prospects: ProspectService, moment: DraftMoment, language: str
) -> None:
    item = _item(db, prospects, "", contact=True)
    with_one = _item(db, prospects, "工期が延びる", contact=True)
    body = compose(item, moment, language, SENDER, zone=TOKYO).body
    lead = default_template(moment, language).consequence.split("{")[0].strip()
    assert lead and lead in compose(with_one, moment, language, SENDER).body
    assert lead not in body
    assert "\n\n\n" not in body
    assert all(line == line.rstrip() for line in body.splitlines())


def test_without_a_contact_the_draft_greets_the_customer_politely(
    db: Database, prospects: ProspectService
) -> None:
    item = _item(db, prospects, "", contact=False)
    ja = compose(item, DraftMoment.CHECK, "ja", SENDER, zone=TOKYO)
    assert ja.to == "" and "\nご担当者様\n" in ja.body
    en = compose(item, DraftMoment.OVERDUE, "en", SENDER, zone=TOKYO)
    assert en.body.startswith("Dear 株式会社越後精工 team,")


def test_without_a_sender_the_introduction_and_signature_lines_are_dropped(
    item: ActionItem,
) -> None:
    body = compose(item, DraftMoment.CHECK, "ja", Sender(), zone=TOKYO).body
    assert "でございます" not in body
    assert body.endswith("よろしくお願いいたします。\n")


def test_the_deadline_is_written_in_the_reps_zone() -> None:
    assert format_deadline(DUE, "ja", TOKYO) == "2026年12月4日（金）17:00"
    assert format_deadline(DUE, "en", ZoneInfo("America/New_York")) == (
        "3:00 AM on Friday, December 4, 2026"
    )
    assert format_deadline(datetime(2026, 1, 1, 3, 5, tzinfo=UTC), "en", TOKYO) == (
        "12:05 PM on Thursday, January 1, 2026"
    )


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("Hello {contct}", UNKNOWN_PLACEHOLDER, "contct"),
        ("Hello {contact!r}", UNKNOWN_PLACEHOLDER, "contact!r"),
        ("Hello {0}", UNKNOWN_PLACEHOLDER, "0"),
        ("Hello {contact.name}", UNKNOWN_PLACEHOLDER, "contact.name"),
        ("Hello {contact", BAD_BRACES, ""),
        ("Hello contact}", BAD_BRACES, ""),
    ],
)
def test_a_bad_placeholder_is_an_error_code_not_a_crash(
    item: ActionItem, tmp_path: Path, text: str, code: str, name: str
) -> None:
    bad = Template(subject="x", body=text, consequence="")
    with pytest.raises(TemplateError) as caught:
        bad.validate()
    assert (caught.value.code, caught.value.part, caught.value.placeholder) == (code, "body", name)

    store = TemplateStore(tmp_path / "templates.json")
    with pytest.raises(TemplateError) as refused:
        store.save({(DraftMoment.CHECK, "en"): bad})
    assert refused.value.moment is DraftMoment.CHECK and refused.value.language == "en"
    assert not store.path.exists()  # nothing written

    # A hand-edited file with the same mistake: compose says so, with where it is.
    store.path.write_text(json.dumps({"overdue": {"ja": {"body": text}}}), encoding="utf-8")
    with pytest.raises(TemplateError) as found:
        compose(item, DraftMoment.OVERDUE, "ja", SENDER, store)
    assert (found.value.code, found.value.moment, found.value.language) == (
        code,
        DraftMoment.OVERDUE,
        "ja",
    )
    compose(item, DraftMoment.CHECK, "ja", SENDER, store)  # the others still work


def test_an_edited_template_overrides_the_default_until_reset(
    item: ActionItem, tmp_path: Path
) -> None:
    store = TemplateStore(tmp_path / "templates.json")
    mine = Template(
        subject="{company}: {item} {{draft}}",
        body="Hi {contact},\n\n{consequence_sentence}\n\nDue {deadline}.\n{signature}",
        consequence="Else: {consequence}.",
    )
    store.save({(DraftMoment.CHECK, "en"): mine})
    assert store.is_edited(DraftMoment.CHECK, "en")
    assert not store.is_edited(DraftMoment.CHECK, "ja")

    draft = compose(item, "check", "en", SENDER, store, zone=TOKYO)
    assert draft.subject == "株式会社越後精工: 見積書の社内承認 {draft}"
    assert draft.body == (
        "Hi 佐藤 花子,\n\nElse: 4月の搬入が遅れる.\n\nDue 5:00 PM on Friday, December 4, 2026.\n"
        + SENDER.signature
        + "\n"
    )
    # The other moments and languages keep the defaults.
    default = compose(item, "overdue", "en", SENDER, zone=TOKYO)
    assert compose(item, "overdue", "en", SENDER, store, zone=TOKYO) == default
    # Saved again unchanged: still the rep's; reset: the default wording again.
    store.save(
        {(DraftMoment.CHECK, "en"): mine, (DraftMoment.OVERDUE, "en"): store.get("overdue", "en")}
    )
    assert store.is_edited("check", "en") and not store.is_edited("overdue", "en")
    store.reset("check", "en")
    assert not store.is_edited("check", "en")
    assert compose(item, "check", "en", SENDER, store) == compose(item, "check", "en", SENDER)


def test_a_damaged_template_file_reads_as_the_defaults(tmp_path: Path) -> None:
    store = TemplateStore(tmp_path / "templates.json")
    store.path.write_text("{not json", encoding="utf-8")
    assert store.get("check", "ja") == default_template("check", "ja")
    store.path.write_text(json.dumps({"check": {"ja": {"subject": 3}}}), encoding="utf-8")
    assert store.get("check", "ja") == default_template("check", "ja")


def test_the_default_templates_are_valid_and_differ_per_moment_and_language() -> None:
    seen = set()
    for moment, language in BOTH:
        template = default_template(moment, language)
        template.validate()
        seen.add(template.body)
    assert len(seen) == 4


def test_mailto_url_round_trips_through_urllib() -> None:
    subject = "見積書 & 仕様 + 100% #1?"
    body = "佐藤様\n\n1 + 1 = 2 & more\r\nline=3\n"
    url = mailto_url("hanako.sato@echigo.example.jp", subject, body)
    assert url.isascii() and " " not in url
    assert "%0D%0A" in url and "%2B" in url and "%26" in url
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and unquote(parts.path) == "hanako.sato@echigo.example.jp"
    assert parts.query.count("&") == 1  # only between subject and body
    query = parse_qs(parts.query, strict_parsing=True)
    assert query == {
        "subject": [subject],
        "body": ["佐藤様\r\n\r\n1 + 1 = 2 & more\r\nline=3\r\n"],
    }


def test_mailto_url_without_an_address_still_opens_a_new_message() -> None:
    url = mailto_url("", "件名", "本文")
    assert url.startswith("mailto:?subject=")
    assert parse_qs(urlsplit(url).query)["body"] == ["本文"]
