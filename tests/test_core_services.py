"""Prospect, contact and call services as the window and the CLI use them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from salesdesk.core.calls import CallInput, CallService, NextStep
from salesdesk.core.db import Database
from salesdesk.core.models import Channel, FollowUpStatus, InteractionKind, Outcome, Prospect, Stage
from salesdesk.core.prospects import ContactInput, ProspectInput, ProspectQuery, ProspectService
from salesdesk.core.validation import NotFoundError, ValidationError

NOW = datetime(2026, 3, 10, 0, 30, tzinfo=UTC)


@pytest.fixture
def svc(db: Database) -> ProspectService:
    return ProspectService(db, clock=lambda: NOW)


@pytest.fixture
def call_svc(db: Database) -> CallService:
    return CallService(db, clock=lambda: NOW)


@pytest.fixture
def pid(svc: ProspectService) -> str:
    return svc.create(ProspectInput(company="株式会社 青葉印刷", company_kana="アオバインサツ"))


def _count_rows(db: Database, table: str) -> int:
    with db.raw_read() as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# -- prospects ----------------------------------------------------------------------
def test_create_and_get_a_prospect(svc: ProspectService) -> None:
    pid = svc.create(
        ProspectInput(
            company="  有限会社 松本鉄工  ",
            company_kana="マツモトテッコウ",
            stage=Stage.APPOINTMENT,
            phone="0566-11-2233",
            email="info@matsumoto.example.jp",
            address="愛知県安城市",
            website="https://matsumoto.example.jp",
            notes="  先代からの付き合い\n",
        )
    )
    p = svc.get(pid)
    assert p.company == "有限会社 松本鉄工"  # trimmed
    assert p.notes == "  先代からの付き合い\n"  # notes kept exactly
    assert p.stage is Stage.APPOINTMENT
    assert (p.phone, p.email, p.address, p.website) == (
        "0566-11-2233",
        "info@matsumoto.example.jp",
        "愛知県安城市",
        "https://matsumoto.example.jp",
    )
    assert not p.is_customer
    assert (p.strength, p.last_contact_at, p.next_follow_up_at) == (None, None, None)
    assert p.contacts == ()
    assert p.as_input() == ProspectInput(
        company="有限会社 松本鉄工",
        company_kana="マツモトテッコウ",
        stage=Stage.APPOINTMENT,
        phone="0566-11-2233",
        email="info@matsumoto.example.jp",
        address="愛知県安城市",
        website="https://matsumoto.example.jp",
        notes="  先代からの付き合い\n",
    )


def test_update_a_prospect(svc: ProspectService, pid: str) -> None:
    data = svc.get(pid).as_input()
    data.stage = Stage.CUSTOMER
    data.is_customer = True
    data.phone = "03-0000-1111"
    svc.update(pid, data)
    p = svc.get(pid)
    assert (p.stage, p.is_customer, p.phone) == (Stage.CUSTOMER, True, "03-0000-1111")
    assert p.company == "株式会社 青葉印刷"


def test_delete_and_restore_a_prospect(svc: ProspectService, pid: str) -> None:
    svc.delete(pid)
    with pytest.raises(NotFoundError):
        svc.get(pid)
    with pytest.raises(NotFoundError):
        svc.update(pid, ProspectInput(company="x"))
    with pytest.raises(NotFoundError):
        svc.delete(pid)
    assert svc.count() == 0
    svc.restore(pid)
    assert svc.get(pid).company == "株式会社 青葉印刷"
    assert svc.count() == 1


def test_unknown_ids_are_not_found(svc: ProspectService) -> None:
    unknown = "00000000-0000-4000-8000-000000000000"
    for action in (
        lambda: svc.get(unknown),
        lambda: svc.delete(unknown),
        lambda: svc.restore(unknown),
        lambda: svc.add_contact(unknown, ContactInput(name="誰か")),
        lambda: svc.update_contact(unknown, ContactInput(name="誰か")),
        lambda: svc.delete_contact(unknown),
        lambda: svc.restore_contact(unknown),
    ):
        with pytest.raises(NotFoundError):
            action()


# -- contacts -----------------------------------------------------------------------
def test_contacts_create_update_delete_restore(svc: ProspectService, pid: str) -> None:
    first = svc.add_contact(
        pid,
        ContactInput(
            name=" 青葉 一郎 ", name_kana="アオバ イチロウ", title="社長", is_decision_maker=True
        ),
    )
    second = svc.add_contact(pid, ContactInput(name="木村 次郎", department="総務部"))
    contacts = svc.get(pid).contacts
    assert [c.id for c in contacts] == [first, second]  # in the order they were added
    assert contacts[0].name == "青葉 一郎"
    assert contacts[0].is_decision_maker and contacts[0].title == "社長"
    assert contacts[0].prospect_id == pid

    data = contacts[1].as_input()
    data.title = "課長"
    data.phone = "090-2222-3333"
    svc.update_contact(second, data)
    assert svc.get(pid).contacts[1].title == "課長"
    assert svc.get(pid).contacts[1].phone == "090-2222-3333"

    svc.delete_contact(first)
    assert [c.id for c in svc.get(pid).contacts] == [second]
    with pytest.raises(NotFoundError):
        svc.update_contact(first, ContactInput(name="x"))
    svc.restore_contact(first)
    assert [c.id for c in svc.get(pid).contacts] == [first, second]


def test_no_contacts_on_a_deleted_prospect(svc: ProspectService, pid: str) -> None:
    svc.delete(pid)
    with pytest.raises(NotFoundError):
        svc.add_contact(pid, ContactInput(name="誰か"))
    assert _count_rows(svc.db, "contact") == 0


# -- validation ---------------------------------------------------------------------
@pytest.mark.parametrize("company", ["", "   ", "\u3000", "\t\n"])
def test_company_is_required(svc: ProspectService, company: str) -> None:
    with pytest.raises(ValidationError) as info:
        svc.create(ProspectInput(company=company))
    assert info.value.errors == {"company": "required"}
    assert svc.count() == 0


@pytest.mark.parametrize(
    "email",
    [
        "taro",
        "taro@",
        "@example.com",
        "taro@example",
        "taro@@example.com",
        "taro@exa mple.com",
        "taro yamada@example.com",
        "taro@example..com",
        "taro@.example.com",
        "taro@example.com.",
        "taro@example.com@example.jp",
    ],
)
def test_malformed_emails_are_refused_and_nothing_is_saved(
    svc: ProspectService, pid: str, email: str
) -> None:
    with pytest.raises(ValidationError) as info:
        svc.create(ProspectInput(company="新しい会社", email=email))
    assert info.value.errors == {"email": "invalid_email"}
    with pytest.raises(ValidationError) as info:
        svc.update(pid, ProspectInput(company="変えた名前", email=email))
    assert info.value.errors == {"email": "invalid_email"}
    with pytest.raises(ValidationError) as info:
        svc.add_contact(pid, ContactInput(name="山本", email=email))
    assert info.value.errors == {"email": "invalid_email"}
    assert svc.count() == 1
    p = svc.get(pid)
    assert p.company == "株式会社 青葉印刷" and p.email == ""
    assert p.contacts == ()


@pytest.mark.parametrize(
    "email",
    [
        "taro@example.jp",
        "taro.yamada+sales@example.co.jp",
        "t_yamada@mail.tokyo.branch.example.co.jp",
        "  taro@example.jp  ",
        "TARO@EXAMPLE.JP",
        "",
    ],
)
def test_good_emails_are_accepted(svc: ProspectService, email: str) -> None:
    pid = svc.create(ProspectInput(company="会社", email=email))
    assert svc.get(pid).email == email.strip()


@pytest.mark.parametrize("phone", ["090-abcd-5678", "tel 0312345678", "〇九〇", "---"])
def test_phone_with_letters_is_refused(svc: ProspectService, phone: str) -> None:
    with pytest.raises(ValidationError) as info:
        svc.create(ProspectInput(company="会社", phone=phone))
    assert info.value.errors == {"phone": "invalid_phone"}
    assert svc.count() == 0


@pytest.mark.parametrize(
    "phone",
    [
        ("０９０－１２３４－５６７８", "090-1234-5678"),
        ("０９０ー１２３４ー５６７８", "090-1234-5678"),  # IME on: the dash is a long-vowel mark
        ("090-1234-5678", "090-1234-5678"),
        ("+81 (52) 123-4567", "+81 (52) 123-4567"),
        ("03.1234.5678", "03.1234.5678"),
        ("0120-123-456#2", "0120-123-456#2"),
    ],
)
def test_phone_numbers_as_reps_type_them_are_accepted(
    svc: ProspectService, phone: tuple[str, str]
) -> None:
    typed, stored = phone
    pid = svc.create(ProspectInput(company="会社", phone=typed))
    # Kept as typed, but half-width, so it dials and exports the same everywhere.
    assert svc.get(pid).phone == stored
    assert svc.list_ids(ProspectQuery(search=typed)) == [pid]


def test_every_bad_field_is_reported_at_once(svc: ProspectService) -> None:
    with pytest.raises(ValidationError) as info:
        svc.create(ProspectInput(company=" ", email="x@", phone="abc"))
    assert info.value.errors == {
        "company": "required",
        "email": "invalid_email",
        "phone": "invalid_phone",
    }


def test_contact_name_is_required(svc: ProspectService, pid: str) -> None:
    with pytest.raises(ValidationError) as info:
        svc.add_contact(pid, ContactInput(name="  "))
    assert info.value.errors == {"name": "required"}
    assert _count_rows(svc.db, "contact") == 0


# -- logging calls ------------------------------------------------------------------
def test_a_call_needs_a_next_step_or_an_explicit_none(call_svc: CallService, pid: str) -> None:
    with pytest.raises(ValidationError) as info:
        call_svc.log_call(CallInput(prospect_id=pid, summary="電話した"))
    assert info.value.errors == {"next_step": "next_step_missing"}
    with pytest.raises(ValidationError) as info:
        call_svc.log_call(
            CallInput(
                prospect_id=pid,
                summary="電話した",
                next_step=NextStep(due_at=NOW + timedelta(days=1), what="  "),
            )
        )
    assert info.value.errors == {"next_step_what": "required"}
    assert _count_rows(call_svc.db, "interaction") == 0
    assert _count_rows(call_svc.db, "follow_up") == 0


def test_a_call_needs_a_summary_and_a_sane_duration(call_svc: CallService, pid: str) -> None:
    with pytest.raises(ValidationError) as info:
        call_svc.log_call(
            CallInput(prospect_id=pid, summary=" ", duration_min=-5, no_next_step=True)
        )
    assert info.value.errors == {"summary": "required", "duration_min": "out_of_range"}
    assert _count_rows(call_svc.db, "interaction") == 0


def test_log_call_stores_the_call_its_next_step_and_the_list_dates(
    svc: ProspectService, call_svc: CallService, pid: str
) -> None:
    cid = svc.add_contact(pid, ContactInput(name="青葉 一郎"))
    at = NOW - timedelta(hours=2)
    due = NOW + timedelta(days=3)
    call_id = call_svc.log_call(
        CallInput(
            prospect_id=pid,
            summary=" 新製品カタログを渡した ",
            kind=InteractionKind.INFORMATION,
            channel=Channel.VISIT,
            outcome=Outcome.REACHED,
            contact_id=cid,
            notes="帰り際に別件の相談\n",
            duration_min=30,
            small_yes=True,
            occurred_at=at,
            next_step=NextStep(due_at=due, what=" 見積を出す ", kind=InteractionKind.PROPOSAL),
        )
    )
    follow_up, call = call_svc.timeline(pid)
    assert call.id == call_id
    assert (call.entry, call.at, call.summary, call.contact_name) == (
        "call",
        at,
        "新製品カタログを渡した",
        "青葉 一郎",
    )
    assert (call.kind, call.channel, call.outcome) == (
        InteractionKind.INFORMATION,
        Channel.VISIT,
        Outcome.REACHED,
    )
    assert call.notes == "帰り際に別件の相談\n" and call.small_yes and not call.no_next_step
    assert (follow_up.entry, follow_up.at, follow_up.summary, follow_up.kind) == (
        "follow_up",
        due,
        "見積を出す",
        InteractionKind.PROPOSAL,
    )
    assert follow_up.status is FollowUpStatus.OPEN
    p = svc.get(pid)
    assert (p.last_contact_at, p.next_follow_up_at) == (at, due)
    assert call_svc.count_calls(pid) == 1


def test_a_call_without_time_happened_now(
    svc: ProspectService, call_svc: CallService, pid: str
) -> None:
    call_svc.log_call(CallInput(prospect_id=pid, summary="不在", no_next_step=True))
    [entry] = call_svc.timeline(pid)
    assert entry.at == NOW and entry.no_next_step
    assert svc.get(pid).last_contact_at == NOW
    assert svc.get(pid).next_follow_up_at is None


def test_an_earlier_call_logged_late_does_not_move_last_contact_back(
    svc: ProspectService, call_svc: CallService, pid: str
) -> None:
    call_svc.log_call(CallInput(prospect_id=pid, summary="今日", no_next_step=True))
    call_svc.log_call(
        CallInput(
            prospect_id=pid,
            summary="先週の分を後から記録",
            occurred_at=NOW - timedelta(days=7),
            no_next_step=True,
        )
    )
    assert svc.get(pid).last_contact_at == NOW


def test_completing_follow_ups_moves_the_next_date_on(
    db: Database, svc: ProspectService, call_svc: CallService, pid: str
) -> None:
    d1, d2, d3 = (NOW + timedelta(days=n) for n in (1, 5, 9))
    for due, what in ((d2, "二番目"), (d1, "一番目"), (d3, "三番目")):
        call_svc.log_call(
            CallInput(prospect_id=pid, summary="約束", next_step=NextStep(due_at=due, what=what))
        )
    open_fus = call_svc.open_follow_ups(pid)
    assert [f.what for f in open_fus] == ["一番目", "二番目", "三番目"]
    assert svc.get(pid).next_follow_up_at == d1

    call_svc.log_call(
        CallInput(
            prospect_id=pid,
            summary="一番目を済ませた",
            completes=[open_fus[0].id],
            no_next_step=True,
        )
    )
    assert [f.what for f in call_svc.open_follow_ups(pid)] == ["二番目", "三番目"]
    assert svc.get(pid).next_follow_up_at == d2

    call_svc.log_call(
        CallInput(
            prospect_id=pid,
            summary="残りも済ませた",
            completes=[open_fus[1].id, open_fus[2].id],
            no_next_step=True,
        )
    )
    assert call_svc.open_follow_ups(pid) == []
    assert svc.get(pid).next_follow_up_at is None
    with db.raw_read() as conn:
        rows = conn.execute("SELECT status, completed_at FROM follow_up").fetchall()
    assert {r[0] for r in rows} == {"done"}
    assert all(r[1].startswith("2026-03-10 00:30:00") for r in rows)


def test_completing_another_prospects_follow_up_is_ignored(
    svc: ProspectService, call_svc: CallService, pid: str
) -> None:
    other = svc.create(ProspectInput(company="別の会社"))
    call_svc.log_call(
        CallInput(prospect_id=other, summary="約束", next_step=NextStep(due_at=NOW, what="電話"))
    )
    [theirs] = call_svc.open_follow_ups(other)
    call_svc.log_call(
        CallInput(prospect_id=pid, summary="間違い", completes=[theirs.id], no_next_step=True)
    )
    assert call_svc.open_follow_ups(other) == [theirs]


def test_last_contact_id_is_the_person_of_the_latest_call(
    svc: ProspectService, call_svc: CallService, pid: str
) -> None:
    a = svc.add_contact(pid, ContactInput(name="A さん"))
    b = svc.add_contact(pid, ContactInput(name="B さん"))
    assert call_svc.last_contact_id(pid) is None

    def log(contact: str | None, days_ago: int) -> None:
        call_svc.log_call(
            CallInput(
                prospect_id=pid,
                summary="連絡",
                contact_id=contact,
                occurred_at=NOW - timedelta(days=days_ago),
                no_next_step=True,
            )
        )

    log(a, 10)
    assert call_svc.last_contact_id(pid) == a
    log(b, 3)
    log(a, 7)  # logged later, but happened before the call with B
    log(None, 1)  # the latest call named nobody
    assert call_svc.last_contact_id(pid) == b
    svc.delete_contact(b)
    assert call_svc.last_contact_id(pid) == a


def test_timeline_shows_open_follow_ups_first_then_calls_newest_first(
    call_svc: CallService, pid: str
) -> None:
    def log(summary: str, days_ago: int, due_in: int | None, completes: list[str] = []) -> None:  # noqa: B006
        call_svc.log_call(
            CallInput(
                prospect_id=pid,
                summary=summary,
                occurred_at=NOW - timedelta(days=days_ago),
                next_step=NextStep(due_at=NOW + timedelta(days=due_in), what=f"after {summary}")
                if due_in is not None
                else None,
                no_next_step=due_in is None,
                completes=completes,
            )
        )

    log("oldest", 30, 20)
    log("newest", 1, None)
    log("middle", 10, 2)
    [later, sooner] = call_svc.open_follow_ups(pid)[::-1]
    assert (sooner.what, later.what) == ("after middle", "after oldest")
    log("done one", 0, None, completes=[later.id])

    got = [(e.entry, e.summary) for e in call_svc.timeline(pid)]
    assert got == [
        ("follow_up", "after middle"),
        ("call", "done one"),
        ("call", "newest"),
        ("call", "middle"),
        ("call", "oldest"),
    ]
    assert [e.summary for e in call_svc.timeline(pid, limit=2)][1:] == ["done one", "newest"]


def test_calls_for_a_missing_prospect_are_refused(
    svc: ProspectService, call_svc: CallService, pid: str
) -> None:
    unknown = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(NotFoundError):
        call_svc.log_call(CallInput(prospect_id=unknown, summary="x", no_next_step=True))
    svc.delete(pid)
    with pytest.raises(NotFoundError):
        call_svc.log_call(
            CallInput(prospect_id=pid, summary="x", next_step=NextStep(due_at=NOW, what="y"))
        )
    assert _count_rows(call_svc.db, "interaction") == 0
    assert _count_rows(call_svc.db, "follow_up") == 0


def test_a_contact_of_another_prospect_is_refused(
    svc: ProspectService, call_svc: CallService, pid: str
) -> None:
    other = svc.create(ProspectInput(company="別の会社"))
    stranger = svc.add_contact(other, ContactInput(name="他社の人"))
    for contact_id in (stranger, "00000000-0000-4000-8000-000000000000"):
        with pytest.raises(ValidationError) as info:
            call_svc.log_call(
                CallInput(prospect_id=pid, summary="x", contact_id=contact_id, no_next_step=True)
            )
        assert info.value.errors == {"contact_id": "not_found"}
    assert _count_rows(call_svc.db, "interaction") == 0


def test_a_deleted_contact_is_refused(
    svc: ProspectService, call_svc: CallService, pid: str
) -> None:
    gone = svc.add_contact(pid, ContactInput(name="退職した人"))
    svc.delete_contact(gone)
    with pytest.raises(ValidationError) as info:
        call_svc.log_call(
            CallInput(prospect_id=pid, summary="x", contact_id=gone, no_next_step=True)
        )
    assert info.value.errors == {"contact_id": "not_found"}
    assert _count_rows(call_svc.db, "interaction") == 0


# -- short ids (the CLI) ------------------------------------------------------------
def _prospect_with_id(db: Database, row_id: str, company: str) -> str:
    with db.write() as s:
        s.add(Prospect(id=row_id, company=company))
    return row_id


def test_resolve_id_by_unique_prefix(db: Database, svc: ProspectService) -> None:
    a = _prospect_with_id(db, "abcd1111-0000-4000-8000-000000000001", "A")
    b = _prospect_with_id(db, "abcd2222-0000-4000-8000-000000000002", "B")
    assert svc.resolve_id("abcd1") == a
    assert svc.resolve_id("ABCD2") == b  # ids are lower case; prefixes typed any case
    assert svc.resolve_id(f" {a} ") == a
    for bad in ("abcd", "ab", "abc", "", "ffff", "abcd3", "abcd%", "____"):
        with pytest.raises(NotFoundError):
            svc.resolve_id(bad)
    svc.delete(a)
    with pytest.raises(NotFoundError):
        svc.resolve_id("abcd1")
    assert svc.resolve_id("abcd") == b  # no longer ambiguous


def test_logging_a_call_looks_up_only_the_prospects_own_follow_ups(db: Database) -> None:
    """The date refresh must not walk every open follow-up (slow at 100k prospects)."""
    from salesdesk.core.calls import _REFRESH_DATES

    plan = db.reader().execute("EXPLAIN QUERY PLAN " + _REFRESH_DATES, ("x", "y")).fetchall()
    details = " | ".join(row[-1] for row in plan)
    assert "ix_follow_up_prospect_status (prospect_id=? AND status=?)" in details
    assert "ix_interaction_prospect_time (prospect_id=?)" in details


def test_a_backdated_call_does_not_move_last_contact_or_follow_up_backwards(
    prospects: ProspectService, calls: CallService
) -> None:
    pid = prospects.create(ProspectInput(company="日付テスト"))
    recent = datetime(2026, 5, 10, 9, 0, tzinfo=UTC)
    calls.log_call(
        CallInput(
            prospect_id=pid,
            summary="最新",
            occurred_at=recent,
            next_step=NextStep(datetime(2026, 5, 12, 1, 0, tzinfo=UTC), "電話"),
        )
    )
    # Entered later, but it happened earlier and its next step is further out.
    calls.log_call(
        CallInput(
            prospect_id=pid,
            summary="先週の訪問",
            occurred_at=recent - timedelta(days=7),
            next_step=NextStep(datetime(2026, 6, 1, 1, 0, tzinfo=UTC), "訪問"),
        )
    )
    got = prospects.get(pid)
    assert got.last_contact_at == recent
    assert got.next_follow_up_at == datetime(2026, 5, 12, 1, 0, tzinfo=UTC)
    # An earlier next step does move the next follow-up forward.
    calls.log_call(
        CallInput(
            prospect_id=pid,
            summary="追加",
            occurred_at=recent,
            next_step=NextStep(datetime(2026, 5, 11, 1, 0, tzinfo=UTC), "資料送付"),
        )
    )
    assert prospects.get(pid).next_follow_up_at == datetime(2026, 5, 11, 1, 0, tzinfo=UTC)
