"""The import's bulk shortcuts give exactly what the one-value-at-a-time functions give.

Big imports fold a whole batch of texts in one pass, skip NFKC on ASCII values and build
the full-text index a batch at a time; a rep must not be able to tell: the same keys,
the same search rows, the same duplicates.
"""

from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.core.db import Database
from salesdesk.core.interchange import errors as E
from salesdesk.core.interchange import source
from salesdesk.core.interchange.errors import InterchangeError
from salesdesk.core.interchange.importer import ImportOptions, run_import
from salesdesk.core.interchange.keys import company_key, company_keys, email_key, phone_key
from salesdesk.core.interchange.prepare import Numbering
from salesdesk.core.interchange.prepare import clean as _clean
from salesdesk.core.interchange.prepare import texts_many as _texts_many
from salesdesk.core.listing import ProspectQuery
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import ProspectInput
from salesdesk.core.text import (
    PASS_SEPARATOR,
    clean_contact_value,
    normalise,
    normalise_many,
    prospect_search_texts,
    sort_key,
)

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
_LOW62 = (1 << 62) - 1

# Characters where the steps of normalise differ: widths, kana of both scripts and
# half-width with voicing marks, combining marks, dashes between digits, separators,
# legal forms, Greek sigma (case folding), the joining character itself.
_TRICKY = [
    *"株式会社(株)㈱有限サトウｻﾄｳさとうガｶﾞガ゙゚山田 \u3000\t\n-‐ー〜~・.()（）０１2３@.ＡaBΣσς",
    *"①ⅱﬁ\u0301e\u3099\x00\x1cİ",
    *["Inc.", "co., ltd", "K.K.", "kabushiki kaisha", "ｶﾌﾞｼｷｶﾞｲｼｬ", "03-1234", "+81 3"],
]
tricky_text = st.lists(st.sampled_from(_TRICKY), max_size=10).map("".join)
any_text = st.one_of(tricky_text, st.text(max_size=12))


def _normalise_before(text: str) -> str:
    """normalise as it was written before the bulk paths (str.translate per character)."""
    kata = {c: c - 0x60 for c in range(0x30A1, 0x30F6 + 1)}
    folded = re.sub(r"(?<=\d)\s*[ー〜~]\s*(?=\d)", "-", unicodedata.normalize("NFKC", text))
    folded = folded.casefold().translate(kata)
    return unicodedata.normalize("NFKC", re.sub(r"[\s\-‐‑‒–—−()・.]+", "", folded))


@given(any_text)
def test_normalise_is_unchanged(text: str) -> None:
    assert normalise(text) == _normalise_before(text)


@given(st.lists(any_text, max_size=12))
def test_normalise_many_equals_normalise_one_by_one(texts: list[str]) -> None:
    assert normalise_many(texts) == [normalise(t) for t in texts]


def test_a_text_holding_the_joining_character_is_folded_on_its_own() -> None:
    texts = ["ｻﾄｳ", f"a{PASS_SEPARATOR}b", "０３ー１２"]
    assert normalise_many(texts) == ["さとう", f"a{PASS_SEPARATOR}b", "0312"]


@given(st.lists(any_text, max_size=12))
def test_company_keys_equal_company_key_one_by_one(names: list[str]) -> None:
    assert company_keys(names) == [company_key(n) for n in names]


@given(any_text)
def test_ascii_shortcuts_change_nothing(text: str) -> None:
    assert phone_key(text) == _phone_key_before(text)
    assert email_key(text) == unicodedata.normalize("NFKC", text).strip().casefold()
    assert _clean(text) == clean_contact_value(text)


def _phone_key_before(phone: str) -> str:
    text = unicodedata.normalize("NFKC", phone).strip()
    digits = re.sub(r"\D+", "", text)
    if text.startswith("+81"):
        digits = "0" + digits[2:]
    return digits if len(digits) >= 6 else ""


_PARTS = st.tuples(tricky_text, tricky_text, tricky_text, tricky_text)


@given(st.lists(st.tuples(_PARTS, st.lists(_PARTS, max_size=2)), max_size=6))
def test_search_texts_of_a_batch_equal_the_services(
    items: list[tuple[tuple[str, str, str, str], list[tuple[str, str, str, str]]]],
) -> None:
    batch = [
        (
            {"company": co, "company_kana": ka, "phone": ph, "email": em},
            [{"name": n, "name_kana": k, "phone": p, "email": e} for n, k, p, e in contacts],
        )
        for (co, ka, ph, em), contacts in items
    ]
    expected = [
        (*prospect_search_texts(co, ka, ph, em, contacts), sort_key(co, ka))
        for (co, ka, ph, em), contacts in items
    ]
    assert _texts_many(batch) == expected


def test_new_ids_are_unique_increasing_version_7_uuids(monkeypatch: pytest.MonkeyPatch) -> None:
    numbering = Numbering(NOW)
    ids = [numbering.next_id() for _ in range(10_000)]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
    parsed = [uuid.UUID(i) for i in ids]
    assert [str(u) for u in parsed] == ids  # the canonical text
    assert {(u.version, u.variant) for u in parsed} == {(7, uuid.RFC_4122)}
    assert {u.int >> 80 for u in parsed} == {int(NOW.timestamp() * 1000)}
    other = Numbering(NOW)
    assert not set(ids) & {other.next_id() for _ in range(1000)}
    # Across the counter's 62-bit boundary the upper groups change, and order holds.
    near = Numbering(NOW)
    near.id_counter = (5 << 62) - 3
    monkeypatch.setattr(os, "urandom", lambda size: bytes(size))  # steps of exactly 1
    crossing = near.new_ids(4)
    assert crossing == sorted(crossing)
    counters = [
        (uuid.UUID(i).int >> 64 & 0xFFF) << 62 | uuid.UUID(i).int & _LOW62 for i in crossing
    ]
    assert counters == [(5 << 62) + k for k in (-2, -1, 0, 1)]
    assert [str(uuid.UUID(i)) for i in crossing] == crossing
    assert len({i[:19] for i in crossing}) == 2


def _csv(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "list.csv"
    path.write_text("会社名,フリガナ,電話番号,担当者\n" + "".join(lines), encoding="cp932")
    return path


_MAPPING = [
    ("会社名", "company"),
    ("フリガナ", "company_kana"),
    ("電話番号", "phone"),
    ("担当者", "contact_name"),
]


def test_batches_index_every_row_and_merge_across_batches(
    db: Database, prospects: ProspectService, tmp_path: Path
) -> None:
    prospects.create(ProspectInput(company="株式会社サトウ", phone="03-9999-0000"))
    lines = [f"越後商事{i}号,ｴﾁｺﾞ{i},025-{i:04d}-0000,山田 {i}\n" for i in range(23)]
    lines += [
        "(株)ｻﾄｳ,,,佐藤 花子\n",  # the existing prospect, by company key
        "越後商事3号,,,田中 一郎\n",  # a second contact for a row of an earlier batch
        "越後商事22号,,025-0022-0000,\n",  # the same company again, nothing new
    ]
    summary = run_import(
        db, _csv(tmp_path, lines), source.detect(_csv(tmp_path, lines)),
        ImportOptions(_MAPPING, batch_rows=4), lambda: NOW,
    )  # fmt: skip
    assert (summary.imported, summary.merged, summary.match_count) == (23, 1, 1)
    conn = db.reader()
    # Every prospect's search rows are in both full-text tables, exactly.
    mismatched = conn.execute(
        "SELECT count(*) FROM prospect p LEFT JOIN prospect_fts f ON f.rowid = p.rowid"
        " LEFT JOIN prospect_names_fts n ON n.rowid = p.rowid"
        " WHERE f.text IS NOT p.search_text OR n.names IS NOT p.search_names"
    ).fetchone()[0]
    assert mismatched == 0
    assert conn.execute("SELECT count(*) FROM prospect_fts").fetchone()[0] == 24
    # The merged prospects' texts are the services' texts for their live contacts.
    for company in ("越後商事3号", "株式会社サトウ"):
        pid, co, kana, phone, email, text, names, key = conn.execute(
            "SELECT id, company, company_kana, phone, email, search_text, search_names,"
            " sort_key FROM prospect WHERE company = ?",
            (company,),
        ).fetchone()
        contacts = conn.execute(
            "SELECT name, name_kana, phone, email FROM contact WHERE prospect_id = ?"
            " ORDER BY created_at, rowid",
            (pid,),
        ).fetchall()
        assert (text, names) == prospect_search_texts(co, kana, phone, email, contacts)
        assert key == sort_key(co, kana)
    assert [r[0] for r in conn.execute(
        "SELECT c.name FROM contact c JOIN prospect p ON p.id = c.prospect_id"
        " WHERE p.company = '越後商事3号' ORDER BY c.created_at"
    )] == ["山田 3", "田中 一郎"]  # fmt: skip

    # Search finds rows of the first and the last batch: by reading, phone and contact name.
    def found(term: str) -> list[str]:
        ids = prospects.list_ids(ProspectQuery(search=term))
        return [prospects.get(i).company for i in ids]

    assert found("えちご0") == ["越後商事0号"]
    assert found("025002200") == ["越後商事22号"]
    assert found("田中") == ["越後商事3号"]
    assert found("花子") == ["株式会社サトウ"]
    again = run_import(
        db, _csv(tmp_path, lines), source.detect(_csv(tmp_path, lines)),
        ImportOptions(_MAPPING, batch_rows=4), lambda: NOW,
    )  # fmt: skip
    assert (again.imported, again.merged) == (0, 0)


def test_a_bad_row_late_in_the_file_writes_nothing(db: Database, tmp_path: Path) -> None:
    before = db.reader().execute("SELECT count(*) FROM prospect").fetchone()[0]
    lines = [f"会社{i},,03-0000-{i:04d},\n" for i in range(40)]
    lines.append('"unterminated,,,\n')
    path = _csv(tmp_path, lines)
    with pytest.raises(InterchangeError) as exc:
        run_import(db, path, source.detect(path), ImportOptions(_MAPPING, batch_rows=5))
    assert exc.value.code == E.MALFORMED_CSV
    assert db.reader().execute("SELECT count(*) FROM prospect").fetchone()[0] == before
    other = sqlite3.connect(db.path)  # type: ignore[arg-type]
    try:
        assert other.execute("SELECT count(*) FROM prospect_fts").fetchone()[0] == before
    finally:
        other.close()
