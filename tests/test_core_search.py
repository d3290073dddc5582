"""The prospect list: width- and kana-blind search, filters, sorting and tombstones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from salesdesk.core.calls import CallInput, CallService, NextStep
from salesdesk.core.db import Database
from salesdesk.core.models import Prospect, Stage
from salesdesk.core.prospects import (
    ContactInput,
    ProspectInput,
    ProspectQuery,
    ProspectRow,
    ProspectService,
    SortKey,
)
from salesdesk.core.text import like_pattern, normalise

# Tuesday 10 March 2026, 09:30 in Japan.
NOW = datetime(2026, 3, 10, 0, 30, tzinfo=UTC)


def clock() -> datetime:
    return NOW


@pytest.fixture
def svc(db: Database) -> ProspectService:
    return ProspectService(db, clock=clock)


@pytest.fixture
def call_svc(db: Database) -> CallService:
    return CallService(db, clock=clock)


def ids(svc: ProspectService, **query: object) -> list[str]:
    return svc.list_ids(ProspectQuery(**query))  # type: ignore[arg-type]


def call(
    calls: CallService,
    pid: str,
    at: datetime | None = None,
    due: datetime | None = None,
    contact_id: str | None = None,
) -> str:
    return calls.log_call(
        CallInput(
            prospect_id=pid,
            summary="電話",
            occurred_at=at,
            contact_id=contact_id,
            next_step=NextStep(due_at=due, what="次の連絡") if due else None,
            no_next_step=due is None,
        )
    )


# -- normalise ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ｻﾄｳ", "サトウ"),
        ("サトウ", "さとう"),
        ("ｶﾞｽ", "ガス"),  # half-width voiced mark joins its letter
        ("ガス", "がす"),
        ("０９０", "090"),
        ("090-1234-5678", "09012345678"),
        ("(052) 123.4567", "0521234567"),
        ("０９０－１２３４－５６７８", "09012345678"),
        ("ACME Trading", "acme trading"),
        ("ＡＣＭＥ", "acme"),
        ("Straße", "STRASSE"),
        ("山田　太郎", "山田太郎"),  # ideographic space
        ("サトウ・タロウ", "さとうたろう"),
    ],
)
def test_normalise_folds_variants_together(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(("a", "b"), [("サトウ", "サイトウ"), ("090", "080"), ("ばす", "はす")])
def test_normalise_keeps_different_things_apart(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


def test_like_pattern_escapes_wildcards() -> None:
    assert like_pattern("100%") == "%100\\%%"
    assert like_pattern("a_b") == "%a\\_b%"
    assert like_pattern("C:\\") == "%c:\\\\%"
    assert like_pattern("") is None
    assert like_pattern(" - ") is None  # only separators: no filter at all


# -- search -------------------------------------------------------------------------
@pytest.fixture
def hokuto(svc: ProspectService) -> str:
    pid = svc.create(
        ProspectInput(
            company="株式会社 北斗電機",
            company_kana="ホクトデンキ",
            phone="052-111-2222",
            email="info@hokuto.example.jp",
        )
    )
    svc.add_contact(
        pid,
        ContactInput(
            name="高橋 一郎",
            name_kana="タカハシ イチロウ",
            phone="090-1234-5678",
            email="Ichiro.Takahashi@hokuto-sales.example.jp",
        ),
    )
    other = svc.create(ProspectInput(company="南十字商会", company_kana="ミナミジュウジショウカイ"))
    svc.add_contact(other, ContactInput(name="伊藤 花子", name_kana="イトウ ハナコ"))
    return pid


@pytest.mark.parametrize(
    "term",
    [
        "北斗",  # company
        "ﾎｸﾄ",  # kana, half width
        "ほくとでんき",  # kana, hiragana
        "高橋",  # contact name
        "高橋一郎",  # without the space
        "たかはし",  # contact kana
        "ﾀｶﾊｼ ｲﾁﾛｳ",
        "09012345678",  # contact phone, typed without separators
        "090-1234-5678",
        "１２３４－５６７８",  # full-width digits
        "052-111",  # company phone
        "ICHIRO.TAKAHASHI@",  # contact e-mail, any case
        "hokuto-sales",
        "info@hokuto",  # company e-mail
    ],
)
def test_search_finds_a_prospect_by_any_of_its_fields(
    svc: ProspectService, hokuto: str, term: str
) -> None:
    assert ids(svc, search=term) == [hokuto]


def test_search_is_case_and_width_blind_for_latin(svc: ProspectService) -> None:
    pid = svc.create(ProspectInput(company="Acme Trading"))
    svc.create(ProspectInput(company="Beta Works"))
    for term in ("acme", "ACME", "ａｃｍｅ", "ＡＣＭＥ", "acme trading", "Acme-Trading"):
        assert ids(svc, search=term) == [pid], term


def test_search_does_not_match_across_two_fields(svc: ProspectService, hokuto: str) -> None:
    # The company ends in 電機 and the contact starts with 高橋: no match spanning both.
    assert ids(svc, search="電機高橋") == []


def test_search_with_wildcard_characters_is_literal(svc: ProspectService) -> None:
    juice = svc.create(ProspectInput(company="100% Juice Co."))
    svc.create(ProspectInput(company="Shop 1000"))
    under = svc.create(ProspectInput(company="A_B Systems"))
    svc.create(ProspectInput(company="AXB Systems"))
    assert ids(svc, search="100%") == [juice]
    assert ids(svc, search="a_b") == [under]
    assert ids(svc, search="%") == [juice]
    assert len(ids(svc, search="")) == 4


def test_search_text_follows_contact_changes(svc: ProspectService, hokuto: str) -> None:
    [contact] = svc.get(hokuto).contacts
    svc.delete_contact(contact.id)
    assert ids(svc, search="高橋") == []
    assert ids(svc, search="09012345678") == []
    assert ids(svc, search="北斗") == [hokuto]  # the company itself is still found

    svc.restore_contact(contact.id)
    assert ids(svc, search="高橋") == [hokuto]

    svc.update_contact(contact.id, ContactInput(name="渡辺 一郎", name_kana="ワタナベ イチロウ"))
    assert ids(svc, search="高橋") == []
    assert ids(svc, search="わたなべ") == [hokuto]


def test_search_text_follows_company_changes(svc: ProspectService, hokuto: str) -> None:
    svc.update(hokuto, ProspectInput(company="北極星電機", company_kana="ホッキョクセイデンキ"))
    assert ids(svc, search="北斗") == []
    assert ids(svc, search="ほっきょくせい") == [hokuto]
    # The contacts stay searchable after the company is edited.
    assert ids(svc, search="高橋") == [hokuto]


# -- filters ------------------------------------------------------------------------
def test_stage_filter(svc: ProspectService) -> None:
    lead = svc.create(ProspectInput(company="見込み", company_kana="ミコミ"))
    proposal = svc.create(
        ProspectInput(company="提案中", company_kana="テイアンチュウ", stage=Stage.PROPOSAL)
    )
    also = svc.create(
        ProspectInput(company="提案二", company_kana="テイアンニ", stage=Stage.PROPOSAL)
    )
    assert ids(svc, stage=Stage.PROPOSAL) == [proposal, also]
    assert ids(svc, stage=Stage.LEAD) == [lead]
    assert ids(svc, stage=Stage.CUSTOMER) == []
    assert ids(svc, stage=Stage.PROPOSAL, search="提案二") == [also]


@pytest.mark.usefixtures("japan_time")
def test_follow_up_due_means_overdue_or_due_today_in_local_time(
    svc: ProspectService, call_svc: CallService
) -> None:
    def prospect_due(name: str, due: datetime | None) -> str:
        pid = svc.create(ProspectInput(company=name, company_kana=name))
        call(call_svc, pid, due=due)
        return pid

    yesterday = prospect_due("ア昨日", NOW - timedelta(days=1))
    this_morning = prospect_due("イ今朝", NOW - timedelta(hours=1))
    tonight = prospect_due("ウ今夜", datetime(2026, 3, 10, 14, 0, tzinfo=UTC))  # 23:00 JST
    # Still 10 March in UTC, but already tomorrow (00:30) for a rep in Japan.
    prospect_due("エ明日", datetime(2026, 3, 10, 15, 30, tzinfo=UTC))
    prospect_due("オ来週", NOW + timedelta(days=7))
    prospect_due("カ予定なし", None)

    assert ids(svc, follow_up_due=True) == [yesterday, this_morning, tonight]


@pytest.mark.usefixtures("japan_time")
def test_follow_up_due_forgets_a_completed_follow_up(
    svc: ProspectService, call_svc: CallService
) -> None:
    pid = svc.create(ProspectInput(company="完了テスト"))
    call(call_svc, pid, due=NOW - timedelta(days=1))
    assert ids(svc, follow_up_due=True) == [pid]
    [open_fu] = call_svc.open_follow_ups(pid)
    call_svc.log_call(
        CallInput(
            prospect_id=pid,
            summary="資料を送った",
            completes=[open_fu.id],
            next_step=NextStep(due_at=NOW + timedelta(days=7), what="感想を聞く"),
        )
    )
    assert ids(svc, follow_up_due=True) == []


# -- sorting ------------------------------------------------------------------------
T1 = datetime(2026, 3, 1, 1, 0, tzinfo=UTC)
T2 = datetime(2026, 3, 5, 1, 0, tzinfo=UTC)
T3 = datetime(2026, 3, 20, 1, 0, tzinfo=UTC)


@pytest.fixture
def four(db: Database, svc: ProspectService, call_svc: CallService) -> dict[str, str]:
    """Four prospects whose kanji order (佐 加 田 青) differs from their reading order."""

    def make(name: str, kana: str, stage: Stage, strength: int | None) -> str:
        pid = svc.create(ProspectInput(company=name, company_kana=kana, stage=stage))
        with db.write() as s:
            p = s.get(Prospect, pid)
            assert p is not None
            p.strength = strength
        return pid

    a = make("青木商店", "アオキショウテン", Stage.CUSTOMER, 4)
    b = make("加藤工務店", "カトウコウムテン", Stage.LEAD, 1)
    c = make("佐藤精機", "サトウセイキ", Stage.PROPOSAL, None)
    d = make("田中建設", "タナカケンセツ", Stage.APPROACH, 3)
    call(call_svc, a, at=T2, due=T3)
    call(call_svc, b, at=T1, due=T1)
    call(call_svc, d, at=T3)  # no next step
    return {"A": a, "B": b, "C": c, "D": d}


@pytest.mark.parametrize(
    ("sort", "ascending", "descending"),
    [
        (SortKey.COMPANY, "ABCD", "DCBA"),  # by reading, as a Japanese list is
        (SortKey.KANA, "ABCD", "DCBA"),
        (SortKey.STAGE, "BDCA", "ACDB"),  # pipeline order, not alphabetical
        (SortKey.STRENGTH, "BDAC", "ADBC"),  # unknown strength last both ways
        (SortKey.LAST_CONTACT, "BADC", "DABC"),  # never contacted last both ways
        (SortKey.NEXT_FOLLOW_UP, "BACD", "ABCD"),  # nothing planned last, then by reading
    ],
)
def test_sorting(
    svc: ProspectService, four: dict[str, str], sort: str, ascending: str, descending: str
) -> None:
    def order(desc: bool) -> str:
        by_id = {v: k for k, v in four.items()}
        return "".join(by_id[i] for i in ids(svc, sort=sort, descending=desc))

    assert order(False) == ascending
    assert order(True) == descending


# -- tombstones and rows ------------------------------------------------------------
def test_deleted_prospects_leave_the_list_and_come_back_on_restore(
    svc: ProspectService, four: dict[str, str]
) -> None:
    svc.delete(four["B"])
    assert four["B"] not in ids(svc)
    assert ids(svc, search="加藤") == []
    assert ids(svc, follow_up_due=False, sort=SortKey.STRENGTH) == [four[k] for k in "DAC"]
    assert svc.count() == 3

    svc.restore(four["B"])
    assert ids(svc) == [four[k] for k in "ABCD"]
    assert ids(svc, search="加藤") == [four["B"]]
    assert svc.count() == 4


def test_rows_carry_what_the_list_shows(svc: ProspectService, four: dict[str, str]) -> None:
    got = svc.rows([four["A"], four["C"]])
    assert got == {
        four["A"]: ProspectRow(
            id=four["A"],
            company="青木商店",
            company_kana="アオキショウテン",
            stage=Stage.CUSTOMER,
            strength=4,
            last_contact_at=T2,
            next_follow_up_at=T3,
        ),
        four["C"]: ProspectRow(
            id=four["C"],
            company="佐藤精機",
            company_kana="サトウセイキ",
            stage=Stage.PROPOSAL,
            strength=None,
            last_contact_at=None,
            next_follow_up_at=None,
        ),
    }
    assert got[four["A"]].last_contact_at.tzinfo is UTC  # type: ignore[union-attr]
    assert svc.rows([]) == {}


def test_the_list_sees_prospects_added_by_another_process(
    db: Database, svc: ProspectService
) -> None:
    """The CLI (or a second window) adds a prospect while the list is open."""
    before = svc.create(ProspectInput(company="前からある会社", company_kana="マエカラ"))
    assert ids(svc) == [before]
    assert db.path is not None
    other = Database.open(db.path)
    try:
        added = ProspectService(other).create(
            ProspectInput(company="あとから来た会社", company_kana="アトカラ")
        )
    finally:
        other.close()
    assert ids(svc) == [added, before]
    assert ids(svc, search="あとから") == [added]
