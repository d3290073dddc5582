"""Whatever a rep types comes back exactly as typed, and search folding is stable."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from salesdesk.core.db import Database
from salesdesk.core.prospects import ContactInput, ProspectInput, ProspectQuery, ProspectService
from salesdesk.core.schema import open_database
from salesdesk.core.text import normalise

# Text that has broken apps before: emoji with joiners and skin tones, decomposed kana
# (macOS file names), right-to-left scripts, half-width kana, odd spaces, old kanji.
SPECIMENS = [
    "👨‍👩‍👧‍👦",
    "👍🏽",
    "🇯🇵",
    unicodedata.normalize("NFD", "ガギグゲゴパピプ"),
    "ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟ",
    "שלום",
    "مرحبا",
    "\u202eRTL override\u202c",
    "髙橋",
    "𠮷野家",
    "\u3000全角空白\u3000",
    "a\u0301",
    "\u200b",
    "①②③",
    "㈱",
    "\r\n",
    "'; DROP TABLE prospect; --",
    "%_\\",
]

rep_text = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(SPECIMENS), st.text(max_size=4)), max_size=6).map("".join),
)

PROPERTY_SETTINGS = settings(
    max_examples=50,
    deadline=None,
    # The autouse env fixture is function scoped; it only points dirs at temp folders, which
    # is just as right for every example. The database here is module scoped on purpose.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("props")
    db = open_database(folder / "props.sqlite3", folder / "backups", "0.1.0")
    yield db
    db.close()


@PROPERTY_SETTINGS
@given(company=rep_text, kana=rep_text, notes=rep_text, name=rep_text, contact_notes=rep_text)
def test_text_reads_back_exactly_as_saved(
    shared_db: Database, company: str, kana: str, notes: str, name: str, contact_notes: str
) -> None:
    assume(company.strip() and name.strip())
    svc = ProspectService(shared_db)
    pid = svc.create(ProspectInput(company=company, company_kana=kana, notes=notes))
    cid = svc.add_contact(pid, ContactInput(name=name, notes=contact_notes))

    got = svc.get(pid)
    # Single-line fields lose surrounding whitespace by design; notes are kept exactly.
    assert got.company.encode() == company.strip().encode()
    assert got.company_kana.encode() == kana.strip().encode()
    assert got.notes.encode() == notes.encode()
    [contact] = got.contacts
    assert contact.id == cid
    assert contact.name.encode() == name.strip().encode()
    assert contact.notes.encode() == contact_notes.encode()

    # Saving the record unchanged keeps it unchanged.
    svc.update(pid, got.as_input())
    assert svc.get(pid) == got


printable = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1).filter(
    lambda s: s.strip()
)


@PROPERTY_SETTINGS
@given(company=st.one_of(printable, st.sampled_from(SPECIMENS).filter(str.strip)))
def test_typing_the_company_name_again_finds_it(shared_db: Database, company: str) -> None:
    assume(normalise(company))
    svc = ProspectService(shared_db)
    pid = svc.create(ProspectInput(company=company))
    assert pid in svc.list_ids(ProspectQuery(search=company))


@settings(max_examples=500, deadline=None)
@given(rep_text)
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=200, deadline=None)
@given(rep_text)
def test_normalised_text_has_no_whitespace_or_upper_case(text: str) -> None:
    once = normalise(text)
    assert not any(c.isspace() for c in once)
    # Case is folded (Unicode casefold; Cherokee, for one, folds to its capitals).
    assert not any("A" <= c <= "Z" or "Ａ" <= c <= "Ｚ" for c in once)
