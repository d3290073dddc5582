"""Call sheets on paper: what pdftotext/pdffonts find in the PDFs a rep prints."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sheet_helpers import add_action_item

from salesdesk.config import resource_path
from salesdesk.core.db import Database
from salesdesk.core.deals import (
    CheckItem,
    DealInput,
    DealResult,
    DealService,
    DealStage,
    OutcomeInput,
    QuestionInput,
)
from salesdesk.core.enums import InteractionKind
from salesdesk.core.records import CallInput, ContactInput, NextStep, ProspectInput
from salesdesk.core.relationship import RelationshipService
from salesdesk.core.services import Services
from salesdesk.core.sheets import SheetService
from salesdesk.ui.i18n import Translations
from salesdesk.ui.sheet_render import PageSetup, SheetRenderer, pdf_writer

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
ROOT = Path(__file__).resolve().parent.parent
NOW = datetime.now(UTC)
DIMENSIONS_EN = ["Business", "Empathy", "Contribution", "Multiple contacts", "Key contact"]
DIMENSIONS_JA = [
    "ビジネス関係",
    "共感的関係",
    "貢献的関係",
    "複数接点関係",
    "有力接点関係",
    "自発的関係",
]


@pytest.fixture(scope="module", autouse=True)
def _catalogue() -> None:
    if not resource_path("translations", "salesdesk_ja.qm").exists():
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True
        )


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> None:
    """Fonts and documents need a QGuiApplication."""


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    tr = Translations(qapp)
    yield tr
    tr.install("en")


def text_of(pdf: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(ln for ln in info.stdout.splitlines() if ln.startswith("Pages:"))
    return int(line.split()[1])


def make_prospect(services: Services, db: Database, company: str, calls: int = 6) -> str:
    pid = services.prospects.create(
        ProspectInput(company, "ヤマダセイキ", phone="03-1234-5678", address="東京都大田区1-2-3")
    )
    boss = services.prospects.add_contact(
        pid, ContactInput("山田 太郎", "ヤマダ タロウ", "代表取締役社長", is_decision_maker=True)
    )
    services.prospects.add_contact(pid, ContactInput("鈴木 花子", "スズキ ハナコ", "課長"))
    for k in range(calls):
        services.calls.log_call(
            CallInput(
                pid,
                f"打ち合わせ{k}回目",
                kind=InteractionKind.INFORMATION,
                contact_id=boss,
                occurred_at=NOW - timedelta(days=20 - k),
                next_step=NextStep(NOW + timedelta(days=1 + k), f"資料の確認 {k}"),
            )
        )
    RelationshipService(db).save(
        pid,
        {"business": 1, "empathy": 3, "contribution": 2, "multi_contact": 2, "key_contact": 4},
    )
    return pid


def render_sheet(db: Database, pid: str, out: Path, letter: bool = False) -> int:
    renderer = SheetRenderer(pdf_writer(out, PageSetup(letter=letter), "test"))
    renderer.add_sheet(SheetService(db).sheet(pid))
    renderer.finish()
    return renderer.pages


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_sheet_prints_company_contacts_dimensions_and_last_contact(
    db: Database, tmp_path: Path, translations: Translations, language: str
) -> None:
    translations.install(language)
    services = Services(db)
    pid = make_prospect(services, db, "山田精機株式会社")
    out = tmp_path / "sheet.pdf"
    render_sheet(db, pid, out)
    text = text_of(out)
    for expected in [
        "山田精機株式会社",
        "ヤマダセイキ",
        "山田 太郎",
        "ヤマダ タロウ",
        "03-1234-5678",
    ]:
        assert expected in text
    assert "打ち合わせ5回目" in text  # the last interaction
    assert "打ち合わせ0回目" not in text  # only the last five
    names = [*DIMENSIONS_EN, "Voluntary"] if language == "en" else DIMENSIONS_JA
    for name in names:
        assert name in text, name
    if language == "ja":
        assert "必要性顕在度" in text
    else:
        assert "Need awareness" in text and "Relationship strength 12 / 30" in text


def test_the_font_is_embedded(db: Database, tmp_path: Path) -> None:
    services = Services(db)
    pid = make_prospect(services, db, "山田精機")
    out = tmp_path / "sheet.pdf"
    render_sheet(db, pid, out)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert any("IPAPGothic" in r for r in rows)
    for row in rows:  # every font used, embedded: the sheet looks the same everywhere
        assert row.split()[-5] == "yes", row


def test_typed_html_prints_literally(db: Database, tmp_path: Path) -> None:
    services = Services(db)
    pid = make_prospect(services, db, "<b>x</b> 商事")
    services.calls.log_call(
        CallInput(pid, "<img src=http://x/y.png> を送付", no_next_step=True, occurred_at=NOW)
    )
    out = tmp_path / "sheet.pdf"
    render_sheet(db, pid, out)
    text = text_of(out)
    assert "<b>x</b> 商事" in text
    assert "<img src=http://x/y.png> を送付" in text


def test_long_text_is_cut_and_no_row_is_split_across_pages(db: Database, tmp_path: Path) -> None:
    services = Services(db)
    pid = services.prospects.create(ProspectInput("長文工業", notes="備考が長い。" * 400))
    for k in range(30):
        services.calls.log_call(
            CallInput(
                pid,
                "とても長い要約です。" * 40,
                occurred_at=NOW - timedelta(days=40 - k),
                # ~190 characters: wraps to several lines, short enough not to be cut
                next_step=NextStep(
                    NOW + timedelta(days=k), f"FU{k:02d}A " + "確認。" * 60 + f" FU{k:02d}Z"
                ),
            )
        )
    out = tmp_path / "sheet.pdf"
    pages = render_sheet(db, pid, out)
    assert pages == page_count(out) >= 3
    whole = text_of(out)
    assert "…" in whole  # the long note and summaries are cut with an ellipsis
    assert whole.count("備考が長い。") < 100
    per_page = [text_of(out, n) for n in range(1, pages + 1)]
    crossings = 0
    for k in range(30):
        first = [n for n, t in enumerate(per_page) if f"FU{k:02d}A" in t]
        last = [n for n, t in enumerate(per_page) if f"FU{k:02d}Z" in t]
        assert len(first) == 1 and first == last, (k, first, last)  # the row is whole
        crossings += first[0] != next(n for n, t in enumerate(per_page) if "FU00A" in t)
    assert crossings  # the table did run over a page break


def test_rows_never_split_with_many_rows(db: Database, tmp_path: Path) -> None:
    """A day list long enough for several pages: each row's two lines stay together."""
    services = Services(db)
    day = NOW.astimezone().date()
    for k in range(60):
        pid = services.prospects.create(ProspectInput(f"会社{k:02d}", phone=f"03-0000-{k:04d}"))
        due = datetime.combine(day, datetime.min.time()).astimezone() - timedelta(days=1)
        services.calls.log_call(
            CallInput(
                pid,
                "前回",
                occurred_at=NOW - timedelta(days=10),
                next_step=NextStep(due + timedelta(minutes=k), f"目的{k:02d}"),
            )
        )
    entries = SheetService(db).call_list(day)
    assert len(entries) == 60 and all(e.overdue for e in entries)
    out = tmp_path / "list.pdf"
    renderer = SheetRenderer(pdf_writer(out, PageSetup(landscape=True), "t"))
    renderer.add_call_list(entries, day)
    renderer.finish()
    pages = page_count(out)
    assert pages == renderer.pages >= 3
    for n in range(1, pages + 1):
        text = text_of(out, n)
        assert "Company" in text  # the header row repeats on every page
        for k in range(60):
            if f"会社{k:02d}" in text:
                # the company (row line 1) and the due time under "Overdue" are one block
                assert f"目的{k:02d}" in text, (n, k)


def test_day_pack_has_one_page_per_simple_sheet(db: Database, tmp_path: Path) -> None:
    services = Services(db)
    day = date.today()
    for k in range(4):
        pid = services.prospects.create(ProspectInput(f"日次{k}"))
        services.calls.log_call(
            CallInput(
                pid,
                "x",
                occurred_at=NOW - timedelta(days=3),
                next_step=NextStep(NOW - timedelta(hours=1 + k), "電話"),
            )
        )
    from salesdesk.ui.sheet_dialog import PackJob, render_job

    out = tmp_path / "pack.pdf"
    pages = render_job(db, PackJob(day=day, compact=False), pdf_writer(out, PageSetup(), "t"))
    assert pages == 4 == page_count(out)
    text = text_of(out)
    assert all(f"日次{k}" in text for k in range(4))


def test_letter_paper(db: Database, tmp_path: Path) -> None:
    services = Services(db)
    pid = make_prospect(services, db, "レター社")
    out = tmp_path / "letter.pdf"
    render_sheet(db, pid, out, letter=True)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert "612 x 792" in info.stdout  # US Letter in points


@pytest.fixture
def tokyo_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This machine's zone is Japan's for the test (the sheet prints local times)."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_open_deal_and_customer_action_items_print(
    db: Database, tmp_path: Path, tokyo_time: None
) -> None:
    services = Services(db)
    pid = make_prospect(services, db, "稟議精機")
    kato = services.prospects.add_contact(pid, ContactInput("加藤 次郎"))
    deals = DealService(db)
    deal = deals.create(
        pid,
        DealInput(
            "生産管理システム導入",
            amount=1_200_000,
            stage=DealStage.PROPOSAL,
            decision_deadline=date(2026, 12, 11),
            goal_on=date(2027, 3, 31),
            second_arrow="分割払いのご提案",
        ),
    )
    deals.add_question(deal, QuestionInput("保守費用はいくらか", "山田"))
    deals.set_tick(deal, CheckItem.MATERIAL_PROVIDED, True)
    closed = deals.create(pid, DealInput("終わった案件"))
    deals.record_outcome(closed, OutcomeInput(DealResult.WON))
    due = datetime(2099, 12, 1, 1, 30, tzinfo=UTC)  # 10:30 in Tokyo
    add_action_item(db, pid, "稟議書の提出", due, "来期予算に間に合わない", contact_id=kato)
    add_action_item(db, pid, "済んだ宿題", due, status="done")
    out = tmp_path / "sheet.pdf"
    render_sheet(db, pid, out)
    text = " ".join(text_of(out).split())
    assert "生産管理システム導入 — Proposal" in text and "¥1,200,000" in text
    assert "Decision deadline: 2026-12-11" in text
    assert "Customer's goal date: 2027-03-31" in text
    assert "Second arrow: 分割払いのご提案" in text
    assert "Closing checklist: 1 of 10 done (10%)" in text  # the decision material
    missing = text.split("Still missing:")[1].split("Open question")[0]
    assert "third arrow" in missing and "decision material" not in missing
    assert "Open question: 保守費用はいくらか (山田)" in text
    assert "終わった案件" not in text
    assert "2099-12-01 10:30 稟議書の提出 加藤 次郎" in text  # deadline in local time, contact
    assert "If late: 来期予算に間に合わない" in text
    assert "済んだ宿題" not in text
