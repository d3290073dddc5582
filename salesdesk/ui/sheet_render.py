"""Call sheets and the day's call list on paper (PDF or a printer).

Pages are composed block by block rather than as one long QTextDocument: every table
row is its own small document, measured, then placed whole on a page. That is what
guarantees a row is never split by a page break (QTextDocument only keeps a cell's
first line together), and it lets a table's header row repeat on the next page. The
radar, the lined notes area and the tick boxes are painted with QPainter straight
into the PDF, so they stay vector (crisp at any zoom) and use line styles and hatching
rather than colour alone (legible in black and white).

Text is set in IPA P Gothic, registered from a font file, so the PDF embeds it and
``pdftotext`` gets back exactly the characters typed (Noto CJK does not: see
TECH-NOTES). Units: layout is done at 96 units per inch with pixel-sized fonts, and the
painter is scaled to the device's resolution when drawing.

Everything the rep typed goes through :func:`html.escape`: ``<b>x</b>`` prints as typed.
Rendering happens in the GUI thread of whichever process draws: laying out QTextDocuments
in a QThread deadlocked now and then, so a long pack saved as PDF is rendered by a child
process (``salesdesk sheet``, see sheet_dialog.ExportProcess) instead of a thread.
"""

from __future__ import annotations

import html
import math
import shutil
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QPolygonF,
    QTextDocument,
)

from salesdesk.config import resource_path
from salesdesk.core.action_items import ActionItem
from salesdesk.core.db import Database
from salesdesk.core.enums import Outcome
from salesdesk.core.relationship import DIMENSIONS, MAX_SCORE, MAX_TOTAL, NEED_AWARENESS, Scores
from salesdesk.core.sheets import (
    CallListEntry,
    CallSheet,
    SheetDeal,
    SheetService,
)
from salesdesk.ui.deal_text import amount_text, deal_stage_label, result_label, streak_text
from salesdesk.ui.labels import channel_label, kind_label, outcome_label, stage_label
from salesdesk.ui.relationship_text import action_text, dimension_name

FONT_FILE = "ipagp.ttf"
FONT_FAMILY = "IPAPGothic"
#: Where the IPA Gothic fonts live when installed from the system (fonts-ipafont-gothic).
KNOWN_FONT_PATHS = (
    "/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf",
    "/usr/share/fonts/truetype/ipafont-gothic/ipagp.ttf",
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "C:/Windows/Fonts/ipagp.ttf",
    "/Library/Fonts/ipagp.ttf",
)
UNITS_PER_INCH = 96.0
MARGIN_MM = 12.0
BASE_PX = 12  # ~9 pt
SMALL_PX = 10
#: Longest text a cell prints before it is cut with an ellipsis (the sheet is a page to
#: take along, not an archive).
NOTE_CHARS = 500
SUMMARY_CHARS = 240
CELL_CHARS = 120
GRID = QColor(150, 150, 150)
INK = QColor(0, 0, 0)
HEADER_BG = "#e6e6e6"


# -- the font -------------------------------------------------------------------------------
def find_font_file() -> Path | None:
    """The IPA P Gothic file: shipped in resources/fonts, else from the system."""
    shipped = resource_path("fonts", FONT_FILE)
    if shipped.is_file():
        return shipped
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(
                ["fc-match", "-f", "%{file}", "IPAPGothic"],
                capture_output=True,
                text=True,
                timeout=5,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found and "ipa" in Path(found).name.lower() and Path(found).is_file():
            return Path(found)
    return next((Path(p) for p in KNOWN_FONT_PATHS if Path(p).is_file()), None)


def ensure_font() -> str:
    """Register the sheet font with Qt once per application; returns its family.

    Falls back to the default family (Japanese may then print as boxes) when no IPA
    font is found; :func:`font_available` tells the UI so it can say so.
    """
    app = QCoreApplication.instance()
    if app is not None:
        known = app.property("salesdeskSheetFont")
        if isinstance(known, str) and known:
            return known
    family = QFont().defaultFamily()
    path = find_font_file()
    if path is not None:
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    if app is not None:
        app.setProperty("salesdeskSheetFont", family)
    return family


def font_available() -> bool:
    return ensure_font().startswith("IPA")


def sheet_font(family: str, px: int, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(px)
    font.setBold(bold)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


# -- text helpers ---------------------------------------------------------------------------
def cut(text: str, limit: int) -> str:
    """``text`` with its whitespace tidied, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def esc(text: str, limit: int = CELL_CHARS) -> str:
    """What the rep typed, safe inside HTML and cut to fit its cell."""
    return html.escape(cut(text, limit))


def when(value: datetime | None, with_time: bool = True) -> str:
    if value is None:
        return ""
    local = value.astimezone()
    return local.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


def day_text(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "yyyy-MM-dd (ddd)")


def day_iso(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def missing_text(code: str) -> str:
    """What the closing checklist still misses, in a few words (codes of issue 4's rules)."""
    words = {
        "no_decision_material": QCoreApplication.translate("CallSheet", "decision material"),
        "no_decision_deadline": QCoreApplication.translate("CallSheet", "decision deadline"),
        "deadline_without_date": QCoreApplication.translate(
            "CallSheet", "date of the decision deadline"
        ),
        "decision_process_unknown": QCoreApplication.translate("CallSheet", "how they decide"),
        "open_questions": QCoreApplication.translate("CallSheet", "open questions answered"),
        "no_small_yes": QCoreApplication.translate("CallSheet", "small yeses"),
        "no_trial_close": QCoreApplication.translate("CallSheet", "trial close"),
        "second_arrow_missing": QCoreApplication.translate("CallSheet", "second arrow"),
        "third_arrow_missing": QCoreApplication.translate("CallSheet", "third arrow"),
        "no_buying_signals": QCoreApplication.translate("CallSheet", "buying signals"),
        "closing_question_not_asked": QCoreApplication.translate("CallSheet", "closing question"),
        "no_next_meeting_reason": QCoreApplication.translate(
            "CallSheet", "reason to meet on another matter"
        ),
    }
    return words.get(code, code)


# -- page composition -----------------------------------------------------------------------
@dataclass
class PageSetup:
    """Paper, orientation and margins; layout units are 1/96 inch."""

    letter: bool = False
    landscape: bool = False

    def layout(self) -> QPageLayout:
        size = QPageSize(QPageSize.PageSizeId.Letter if self.letter else QPageSize.PageSizeId.A4)
        orientation = (
            QPageLayout.Orientation.Landscape
            if self.landscape
            else QPageLayout.Orientation.Portrait
        )
        margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
        return QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)

    def apply(self, device: QPagedPaintDevice) -> None:
        device.setPageLayout(self.layout())


class Block:
    """A piece of a page that is never split: a heading, a table row, the radar..."""

    height: float = 0.0
    keep_with_next: bool = False
    #: A table row's header: repeated at the top of a page the row starts.
    header: Block | None = None
    #: Take whatever height is left on the page (at least ``height``).
    fill: bool = False

    def draw(self, p: QPainter, rect: QRectF) -> None:
        raise NotImplementedError


class TextBlock(Block):
    def __init__(
        self,
        html_text: str,
        width: float,
        family: str,
        rule: bool = False,
        keep_with_next: bool = False,
        header: Block | None = None,
    ) -> None:
        self.doc = QTextDocument()
        self.doc.setUseDesignMetrics(True)
        self.doc.setDocumentMargin(2)
        self.doc.setDefaultFont(sheet_font(family, BASE_PX))
        self.doc.setDefaultStyleSheet(STYLE)
        self.doc.setHtml(html_text)
        self.doc.setTextWidth(width)
        self.height = self.doc.size().height()
        self.rule = rule
        self.keep_with_next = keep_with_next
        self.header = header

    def draw(self, p: QPainter, rect: QRectF) -> None:
        p.save()
        p.translate(rect.topLeft())
        self.doc.drawContents(p, QRectF(0, 0, rect.width(), rect.height()))
        p.restore()
        if self.rule:  # a thin line under each table row
            p.setPen(QPen(GRID, 0.6))
            p.drawLine(rect.bottomLeft(), rect.bottomRight())


class PaintBlock(Block):
    def __init__(
        self,
        height: float,
        paint: Callable[[QPainter, QRectF], None],
        fill: bool = False,
        keep_with_next: bool = False,
    ) -> None:
        self.height = height
        self.paint = paint
        self.fill = fill
        self.keep_with_next = keep_with_next

    def draw(self, p: QPainter, rect: QRectF) -> None:
        self.paint(p, rect)


STYLE = """
h1 { font-size: 22px; font-weight: bold; margin: 0; }
h2 { font-size: 14px; font-weight: bold; margin-top: 6px; margin-bottom: 0; }
.kana { font-size: 11px; color: #333333; }
.small { font-size: 10px; color: #333333; }
.muted { color: #555555; }
td { padding: 1px 3px; vertical-align: top; }
th { padding: 1px 3px; text-align: left; font-weight: bold; background-color: #e6e6e6; }
"""


def paginate(blocks: Sequence[Block], page_height: float) -> list[list[tuple[Block, float, float]]]:
    """Place blocks on pages without splitting any: [(block, y, height), ...] per page.

    A block marked ``keep_with_next`` (a heading) moves to the next page with the block
    after it; a row that starts a page gets its table's header row above it again.
    """
    pages: list[list[tuple[Block, float, float]]] = [[]]
    y = 0.0
    for i, block in enumerate(blocks):
        need, j = block.height, i
        while blocks[j].keep_with_next and j + 1 < len(blocks):  # a heading and what follows
            j += 1
            need += blocks[j].height
        if y > 0 and y + need > page_height:
            pages.append([])
            y = 0.0
            if block.header is not None:
                pages[-1].append((block.header, 0.0, block.header.height))
                y = block.header.height
        height = block.height
        if block.fill:
            height = max(block.height, page_height - y)
        pages[-1].append((block, y, min(height, page_height)))
        y += height
    return pages


@dataclass
class Footer:
    left: str
    family: str


def draw_pages(
    p: QPainter,
    device: QPagedPaintDevice,
    pages: list[list[tuple[Block, float, float]]],
    footer: Footer,
    first: bool,
) -> None:
    """Draw composed pages on the device (a new page before each but the very first)."""
    scale = device.logicalDpiX() / UNITS_PER_INCH
    width, height = content_size(device)
    for number, page in enumerate(pages, start=1):
        if not (first and number == 1):
            device.newPage()
        p.save()
        p.scale(scale, scale)
        for block, y, h in page:
            rect = QRectF(0, y, width, h)
            p.save()
            p.setClipRect(rect.adjusted(-2, -2, 2, 2))
            block.draw(p, rect)
            p.restore()
        p.setFont(sheet_font(footer.family, SMALL_PX))
        p.setPen(QColor(90, 90, 90))
        foot = QRectF(0, height + 4, width, FOOTER_PX)
        p.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, footer.left)
        p.drawText(
            foot,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            QCoreApplication.translate("CallSheet", "Page {0} of {1}").format(number, len(pages)),
        )
        p.restore()


FOOTER_PX = 16.0


def content_size(device: QPagedPaintDevice) -> tuple[float, float]:
    """Width and height (in layout units) of the part of the page blocks may use."""
    rect = device.pageLayout().paintRect(QPageLayout.Unit.Inch)
    return rect.width() * UNITS_PER_INCH, rect.height() * UNITS_PER_INCH - FOOTER_PX - 6


# -- drawing pieces -----------------------------------------------------------------------
def paint_radar(
    family: str, current: Scores | None, previous: Scores | None
) -> Callable[[QPainter, QRectF], None]:
    """The hexagonal radar for paper: grid, previous dashed, current hatched, need gauge."""

    def paint(p: QPainter, rect: QRectF) -> None:
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = sheet_font(family, SMALL_PX + 1)
        fm = QFontMetricsF(font)
        p.setFont(font)
        gauge_w = max(fm.horizontalAdvance(dimension_name(NEED_AWARENESS)), 60.0) + 10
        chart = QRectF(rect.left(), rect.top(), rect.width() - gauge_w - 10, rect.height())
        label_w = max(fm.horizontalAdvance(f"{dimension_name(d)} 5") for d in DIMENSIONS) + 6
        radius = min(
            (chart.width() - 2 * label_w - 12) / (2 * math.cos(math.pi / 6)),
            (chart.height() - 2 * fm.height() - 12) / 2,
        )
        centre = QPointF(chart.center().x(), chart.center().y())

        def vertex(i: int, value: float) -> QPointF:
            angle = -math.pi / 2 + i * 2 * math.pi / len(DIMENSIONS)
            r = radius * value / MAX_SCORE
            return QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))

        def polygon(scores: Scores) -> QPolygonF:
            return QPolygonF([vertex(i, scores.get(d)) for i, d in enumerate(DIMENSIONS)])

        p.setPen(QPen(GRID, 0.6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for level in range(1, MAX_SCORE + 1):
            p.drawPolygon(QPolygonF([vertex(i, level) for i in range(len(DIMENSIONS))]))
        for i in range(len(DIMENSIONS)):
            p.drawLine(centre, vertex(i, MAX_SCORE))
        if previous is not None:
            p.setPen(QPen(INK, 1.2, Qt.PenStyle.DashLine))
            p.drawPolygon(polygon(previous))
        if current is not None:
            p.setPen(QPen(INK, 1.8))
            p.setBrush(QBrush(QColor(60, 60, 60), Qt.BrushStyle.BDiagPattern))
            p.drawPolygon(polygon(current))
            p.setBrush(INK)
            for point in polygon(current):
                p.drawEllipse(point, 2.2, 2.2)
        p.setPen(INK)
        for i, d in enumerate(DIMENSIONS):
            score = "–" if current is None else str(current.get(d))
            text = f"{dimension_name(d)} {score}"
            w, h = fm.horizontalAdvance(text) + 4, fm.height()
            tip = vertex(i, MAX_SCORE + 0.3)
            dx = tip.x() - centre.x()
            x = tip.x() - w / 2 if abs(dx) < 1 else (tip.x() if dx > 0 else tip.x() - w)
            y = tip.y() - h / 2
            if i == 0:
                y = tip.y() - h
            elif i == len(DIMENSIONS) // 2:
                y = tip.y()
            p.drawText(QRectF(x, y, w, h), Qt.AlignmentFlag.AlignCenter, text)
        # Need awareness: a separate 0–5 bar (it is not a dimension of the relationship).
        title = dimension_name(NEED_AWARENESS)
        bar = QRectF(rect.right() - gauge_w / 2 - 9, rect.top() + fm.height() * 1.6, 18, 0)
        bar.setBottom(rect.bottom() - fm.height() * 1.6)
        p.drawText(
            QRectF(rect.right() - gauge_w, rect.top(), gauge_w, fm.height()),
            Qt.AlignmentFlag.AlignCenter,
            title,
        )
        value = None if current is None else current.need_awareness
        if value:
            filled = QRectF(bar)
            filled.setTop(bar.bottom() - bar.height() * value / MAX_SCORE)
            p.fillRect(filled, QBrush(QColor(40, 40, 40), Qt.BrushStyle.Dense5Pattern))
        p.setPen(QPen(INK, 0.8))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(bar)
        p.setPen(QPen(GRID, 0.5))
        for level in range(1, MAX_SCORE):
            y = bar.bottom() - bar.height() * level / MAX_SCORE
            p.drawLine(QPointF(bar.left(), y), QPointF(bar.right(), y))
        p.setPen(INK)
        label = "– / 5" if value is None else f"{value} / {MAX_SCORE}"
        p.drawText(
            QRectF(rect.right() - gauge_w, bar.bottom() + 2, gauge_w, fm.height()),
            Qt.AlignmentFlag.AlignCenter,
            label,
        )
        p.restore()

    return paint


def paint_legend(family: str, has_previous: bool, total: str) -> Callable[[QPainter, QRectF], None]:
    def paint(p: QPainter, rect: QRectF) -> None:
        p.save()
        font = sheet_font(family, SMALL_PX)
        fm = QFontMetricsF(font)
        p.setFont(font)
        y = rect.center().y()
        x = rect.left() + 4
        entries = [
            (Qt.PenStyle.SolidLine, QCoreApplication.translate("CallSheet", "Latest assessment"))
        ]
        if has_previous:
            entries.append(
                (
                    Qt.PenStyle.DashLine,
                    QCoreApplication.translate("CallSheet", "Previous assessment"),
                )
            )
        for style, text in entries:
            p.setPen(QPen(INK, 1.6 if style == Qt.PenStyle.SolidLine else 1.2, style))
            p.drawLine(QPointF(x, y), QPointF(x + 26, y))
            p.setPen(INK)
            w = fm.horizontalAdvance(text) + 4
            p.drawText(
                QRectF(x + 30, rect.top(), w, rect.height()), Qt.AlignmentFlag.AlignVCenter, text
            )
            x += 30 + w + 16
        bold = sheet_font(family, SMALL_PX + 1, bold=True)
        p.setFont(bold)
        p.drawText(
            rect.adjusted(0, 0, -4, 0),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            QCoreApplication.translate("CallSheet", "Relationship strength {0} / {1}").format(
                total, MAX_TOTAL
            ),
        )
        p.restore()

    return paint


def _box(p: QPainter, x: float, y: float, size: float) -> None:
    p.setPen(QPen(INK, 0.9))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(x, y, size, size))


def paint_outcome_boxes(family: str) -> Callable[[QPainter, QRectF], None]:
    """Tick boxes for what came of the call, to fill in by hand."""
    choices = [
        outcome_label(o)
        for o in (
            Outcome.REACHED,
            Outcome.NOT_REACHED,
            Outcome.LEFT_MESSAGE,
            Outcome.APPOINTMENT_SET,
            Outcome.DECLINED,
        )
    ] + [
        QCoreApplication.translate("CallSheet", "Small yes"),
        QCoreApplication.translate("CallSheet", "Asked for a decision"),
    ]

    def paint(p: QPainter, rect: QRectF) -> None:
        p.save()
        font = sheet_font(family, BASE_PX)
        fm = QFontMetricsF(font)
        p.setFont(font)
        size = fm.height() * 0.8
        x, y = rect.left() + 2, rect.top() + 4
        for text in choices:
            w = size + 5 + fm.horizontalAdvance(text) + 18
            if x + w > rect.right():
                x, y = rect.left() + 2, y + fm.height() + 6
            _box(p, x, y + (fm.height() - size) / 2, size)
            p.setPen(INK)
            p.drawText(QRectF(x + size + 5, y, w, fm.height()), Qt.AlignmentFlag.AlignVCenter, text)
            x += w
        y += fm.height() + 10
        # The next step: written by hand, it goes into the call dialog afterwards.
        label = QCoreApplication.translate("CallSheet", "Next step (when / what):")
        p.drawText(
            QRectF(rect.left() + 2, y, rect.width(), fm.height()),
            Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        p.setPen(QPen(GRID, 0.6))
        lx = rect.left() + 8 + fm.horizontalAdvance(label)
        p.drawLine(QPointF(lx, y + fm.height()), QPointF(rect.right(), y + fm.height()))
        p.restore()

    return paint


def outcome_height(family: str) -> float:
    fm = QFontMetricsF(sheet_font(family, BASE_PX))
    return 2 * fm.height() + 6 + fm.height() + 18


def paint_lines(family: str) -> Callable[[QPainter, QRectF], None]:
    """A lined area for notes written during the call."""

    def paint(p: QPainter, rect: QRectF) -> None:
        p.save()
        p.setPen(QPen(GRID, 0.6))
        y = rect.top() + LINE_GAP
        while y <= rect.bottom() - 2:
            p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            y += LINE_GAP
        p.setPen(QPen(INK, 0.9))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect.adjusted(0, 2, 0, -1))
        p.restore()

    return paint


LINE_GAP = 24.0


# -- the call sheet ------------------------------------------------------------------------
def _table_rows(
    width: float,
    family: str,
    columns: Sequence[tuple[str, int]],
    rows: Iterable[Sequence[str]],
) -> list[Block]:
    """A header block and one block per row; widths are percentages. Cells are HTML."""
    cols = "".join(f'<col width="{w}%">' for _, w in columns)

    def table(cells: str) -> str:
        return f'<table width="100%" cellspacing="0" cellpadding="2">{cols}<tr>{cells}</tr></table>'

    header_html = table(
        "".join(
            f'<td width="{w}%" bgcolor="{HEADER_BG}"><b>{html.escape(t)}</b></td>'
            for t, w in columns
        )
    )
    header = TextBlock(header_html, width, family)
    blocks: list[Block] = [header]
    for row in rows:
        cells = "".join(
            f'<td width="{w}%">{cell}</td>' for cell, (_, w) in zip(row, columns, strict=True)
        )
        blocks.append(TextBlock(table(cells), width, family, rule=True, header=header))
    header.keep_with_next = True
    return blocks


def _heading(text: str, width: float, family: str) -> TextBlock:
    return TextBlock(f"<h2>{html.escape(text)}</h2>", width, family, keep_with_next=True)


def _para(text_html: str, width: float, family: str) -> TextBlock:
    return TextBlock(f"<p>{text_html}</p>", width, family)


def _deal_blocks(deals: Sequence[SheetDeal], width: float, family: str) -> list[Block]:
    """The open deals: stage and answer, dates, readiness, what the checklist still misses,
    the arrows and the open questions and worries."""
    blocks: list[Block] = [
        _heading(
            QCoreApplication.translate("CallSheet", "Open deal")
            if len(deals) <= 1
            else QCoreApplication.translate("CallSheet", "Open deals"),
            width,
            family,
        )
    ]
    if not deals:
        blocks.append(
            _para(
                html.escape(QCoreApplication.translate("CallSheet", "No open deal.")),
                width,
                family,
            )
        )
    for item in deals:
        deal = item.deal
        head = [html.escape(deal_stage_label(deal.stage))]
        if deal.result is not None:  # △: the customer has answered "pending"
            head.append(html.escape(result_label(deal.result)))
        if deal.streak_flagged:  # three △ in a row: say so before the call
            head.append(html.escape(streak_text(deal.pending_streak)))
        if deal.amount is not None:
            head.append(html.escape(amount_text(deal.amount, deal.currency)))
        lines = [f"<b>{esc(deal.title)}</b> — " + " · ".join(head)]
        for label, value in (
            (
                QCoreApplication.translate("CallSheet", "Decision deadline"),
                day_iso(deal.decision_deadline),
            ),
            (
                QCoreApplication.translate("CallSheet", "Customer's goal date"),
                day_iso(deal.goal_on),
            ),
            (QCoreApplication.translate("CallSheet", "Decision maker"), deal.decision_maker),
            (QCoreApplication.translate("CallSheet", "Second arrow"), deal.second_arrow),
            (QCoreApplication.translate("CallSheet", "Third arrow"), deal.third_arrow),
        ):
            if value:
                lines.append(f'<span class="muted">{html.escape(label)}:</span> {esc(value)}')
        readiness = item.readiness
        lines.append(
            '<span class="muted">'
            + html.escape(QCoreApplication.translate("CallSheet", "Closing checklist"))
            + ":</span> "
            + html.escape(
                QCoreApplication.translate("CallSheet", "{0} of {1} done ({2}%)").format(
                    len(readiness.done), readiness.total, readiness.score
                )
            )
        )
        if item.missing:
            lines.append(
                '<span class="muted">'
                + html.escape(QCoreApplication.translate("CallSheet", "Still missing"))
                + ":</span> "
                + esc(", ".join(missing_text(m) for m in item.missing), 400)
            )
        for q in item.open_questions:
            who = f" ({esc(q.asked_by)})" if q.asked_by else ""
            lines.append(
                '<span class="muted">'
                + html.escape(QCoreApplication.translate("CallSheet", "Open question"))
                + f":</span> {esc(q.question)}{who}"
            )
        blocks.append(_para("<br>".join(lines), width, family))
    return blocks


def _action_item_blocks(
    items: Sequence[ActionItem], width: float, family: str, printed: datetime
) -> list[Block]:
    """What the customer owes: deadline (local time), who, and what a delay costs them."""
    blocks: list[Block] = [
        _heading(QCoreApplication.translate("CallSheet", "Customer action items"), width, family)
    ]
    if not items:
        blocks.append(
            _para(html.escape(QCoreApplication.translate("CallSheet", "None open.")), width, family)
        )
        return blocks
    rows = []
    for a in items:
        due = html.escape(when(a.due_at))
        if a.is_overdue(printed):
            overdue = QCoreApplication.translate("CallSheet", "Overdue")
            due = f"<b>{html.escape(overdue)}</b><br>{due}"
        what = esc(a.title)
        if a.consequence.strip():
            late = QCoreApplication.translate("CallSheet", "If late:")
            what += (
                f'<br><span class="small">{html.escape(late)} '
                f"{esc(a.consequence, SUMMARY_CHARS)}</span>"
            )
        rows.append([due, what, esc(a.contact_name)])
    blocks += _table_rows(
        width,
        family,
        [
            (QCoreApplication.translate("CallSheet", "Deadline"), 18),
            (QCoreApplication.translate("CallSheet", "What the customer owes"), 62),
            (QCoreApplication.translate("CallSheet", "Contact"), 20),
        ],
        rows,
    )
    return blocks


def sheet_blocks(sheet: CallSheet, width: float, family: str, printed: datetime) -> list[Block]:
    """The blocks of one call sheet, top to bottom."""
    blocks: list[Block] = []
    kana = f'<span class="kana">{esc(sheet.company_kana)}</span><br>' if sheet.company_kana else ""
    stage = stage_label(sheet.stage) + (
        " · " + QCoreApplication.translate("CallSheet", "existing customer")
        if sheet.is_customer
        else ""
    )
    title = html.escape(QCoreApplication.translate("CallSheet", "Call sheet"))
    stamp = QCoreApplication.translate("CallSheet", "Printed {0}").format(when(printed))
    head = (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="75%">{kana}<h1>{esc(sheet.company)}</h1></td>'
        f'<td width="25%" align="right"><b>{title}</b><br>'
        f'<span class="small">{html.escape(stamp)}</span></td>'
        "</tr></table>"
    )
    blocks.append(TextBlock(head, width, family))
    facts = [
        (QCoreApplication.translate("CallSheet", "Stage"), html.escape(stage)),
        (QCoreApplication.translate("CallSheet", "Phone"), esc(sheet.phone)),
        (QCoreApplication.translate("CallSheet", "Address"), esc(sheet.address, 200)),
        (QCoreApplication.translate("CallSheet", "E-mail"), esc(sheet.email)),
        (QCoreApplication.translate("CallSheet", "Website"), esc(sheet.website)),
        (
            QCoreApplication.translate("CallSheet", "Last contact"),
            html.escape(when(sheet.last_contact_at)),
        ),
    ]
    cells = "".join(
        f'<tr><td width="16%" class="muted">{html.escape(label)}</td>'
        f'<td width="84%">{value}</td></tr>'
        for label, value in facts
        if value
    )
    blocks.append(
        TextBlock(
            f'<table width="100%" cellspacing="0" cellpadding="1">{cells}</table>', width, family
        )
    )
    if sheet.notes.strip():
        blocks.append(_heading(QCoreApplication.translate("CallSheet", "Notes"), width, family))
        blocks.append(_para(esc(sheet.notes, NOTE_CHARS), width, family))

    blocks.append(_heading(QCoreApplication.translate("CallSheet", "Contacts"), width, family))
    if sheet.contacts:
        rows = []
        for c in sheet.contacts:
            name = esc(c.name)
            if c.name_kana:
                name += f'<br><span class="kana">{esc(c.name_kana)}</span>'
            role = " ".join(x for x in (c.department, c.title) if x)
            dm = (
                "◎ " + html.escape(QCoreApplication.translate("CallSheet", "Decision maker"))
                if c.is_decision_maker
                else ""
            )
            rows.append([name, esc(role), dm, esc(c.phone), esc(c.email)])
        blocks += _table_rows(
            width,
            family,
            [
                (QCoreApplication.translate("CallSheet", "Name"), 24),
                (QCoreApplication.translate("CallSheet", "Department / title"), 24),
                (QCoreApplication.translate("CallSheet", "Decides"), 14),
                (QCoreApplication.translate("CallSheet", "Phone"), 16),
                (QCoreApplication.translate("CallSheet", "E-mail"), 22),
            ],
            rows,
        )
    else:
        blocks.append(
            _para(
                html.escape(QCoreApplication.translate("CallSheet", "No contacts known yet.")),
                width,
                family,
            )
        )

    rel = sheet.relationship
    blocks.append(
        _heading(
            QCoreApplication.translate("CallSheet", "Relationship and need awareness"),
            width,
            family,
        )
    )
    total = "–" if rel.scores is None else str(rel.scores.total)
    blocks.append(
        PaintBlock(22, paint_legend(family, rel.previous is not None, total), keep_with_next=True)
    )
    blocks.append(PaintBlock(250, paint_radar(family, rel.scores, rel.previous)))
    assessed = (
        QCoreApplication.translate("CallSheet", "Not assessed yet.")
        if rel.assessed_at is None
        else QCoreApplication.translate("CallSheet", "Assessed {0}").format(
            when(rel.assessed_at, with_time=False)
        )
    )
    label = QCoreApplication.translate("CallSheet", "Next-best action:")
    blocks.append(
        _para(
            f'<span class="muted">{html.escape(assessed)}</span><br>'
            f"<b>{html.escape(label)}</b> " + html.escape(action_text(rel.next_action)),
            width,
            family,
        )
    )

    if sheet.deals is not None:
        blocks += _deal_blocks(sheet.deals, width, family)
    if sheet.action_items is not None:
        blocks += _action_item_blocks(sheet.action_items, width, family, printed)

    blocks.append(
        _heading(QCoreApplication.translate("CallSheet", "Open follow-ups"), width, family)
    )
    if sheet.follow_ups:
        blocks += _table_rows(
            width,
            family,
            [
                (QCoreApplication.translate("CallSheet", "Due"), 20),
                (QCoreApplication.translate("CallSheet", "Kind"), 22),
                (QCoreApplication.translate("CallSheet", "What"), 58),
            ],
            [
                [
                    html.escape(when(f.due_at)),
                    html.escape(kind_label(f.kind)),
                    esc(f.what, SUMMARY_CHARS),
                ]
                for f in sheet.follow_ups
            ],
        )
    else:
        blocks.append(
            _para(html.escape(QCoreApplication.translate("CallSheet", "None open.")), width, family)
        )

    blocks.append(
        _heading(
            QCoreApplication.translate("CallSheet", "Last contacts ({0} of {1})").format(
                len(sheet.interactions), sheet.interaction_count
            ),
            width,
            family,
        )
    )
    if sheet.interactions:
        rows = []
        for i in sheet.interactions:
            how = html.escape(f"{kind_label(i.kind)} / {channel_label(i.channel)}")
            who = f'<br><span class="kana">{esc(i.contact_name)}</span>' if i.contact_name else ""
            rows.append(
                [
                    html.escape(when(i.occurred_at)),
                    how,
                    html.escape(outcome_label(i.outcome)),
                    esc(i.summary, SUMMARY_CHARS) + who,
                ]
            )
        blocks += _table_rows(
            width,
            family,
            [
                (QCoreApplication.translate("CallSheet", "Date"), 17),
                (QCoreApplication.translate("CallSheet", "Kind"), 23),
                (QCoreApplication.translate("CallSheet", "Outcome"), 14),
                (QCoreApplication.translate("CallSheet", "Summary"), 46),
            ],
            rows,
        )
    else:
        blocks.append(
            _para(
                html.escape(QCoreApplication.translate("CallSheet", "No contacts logged yet.")),
                width,
                family,
            )
        )

    blocks.append(
        _heading(QCoreApplication.translate("CallSheet", "Outcome of this call"), width, family)
    )
    blocks.append(PaintBlock(outcome_height(family), paint_outcome_boxes(family)))
    blocks.append(
        _heading(QCoreApplication.translate("CallSheet", "Notes during the call"), width, family)
    )
    blocks.append(PaintBlock(LINE_GAP * 6, paint_lines(family), fill=True))
    return blocks


def call_list_blocks(
    entries: Sequence[CallListEntry], day: date, width: float, family: str, printed: datetime
) -> list[Block]:
    """The compact day list: one row per prospect, a blank column for the result."""
    overdue = sum(1 for e in entries if e.overdue)
    title = QCoreApplication.translate("CallSheet", "Call list for {0}").format(day_text(day))
    summary = QCoreApplication.translate("CallSheet", "{0} to call, {1} of them overdue").format(
        len(entries), overdue
    )
    blocks: list[Block] = [
        TextBlock(
            f"<h1>{html.escape(title)}</h1>"
            f'<p class="small">{html.escape(summary)} · '
            + html.escape(
                QCoreApplication.translate("CallSheet", "Printed {0}").format(when(printed))
            )
            + "</p>",
            width,
            family,
        )
    ]
    if not entries:
        blocks.append(
            _para(
                html.escape(
                    QCoreApplication.translate("CallSheet", "Nothing planned or due on this day.")
                ),
                width,
                family,
            )
        )
        return blocks
    rows = []
    for n, e in enumerate(entries, start=1):
        due = html.escape(when(e.due_at))
        if e.overdue:
            overdue_text = QCoreApplication.translate("CallSheet", "Overdue")
            due = f"<b>{html.escape(overdue_text)}</b><br>{due}"
        purpose = esc(e.purpose, SUMMARY_CHARS)
        if e.more:
            purpose += " " + html.escape(
                QCoreApplication.translate("CallSheet", "(+{0} more)").format(e.more)
            )
        rows.append(
            [
                str(n),
                due,
                esc(e.company),
                esc(e.contact),
                esc(e.phone),
                purpose,
                html.escape(when(e.last_contact_at, with_time=False)),
                "",
            ]
        )
    blocks += _table_rows(
        width,
        family,
        [
            ("#", 3),
            (QCoreApplication.translate("CallSheet", "Due"), 11),
            (QCoreApplication.translate("CallSheet", "Company"), 17),
            (QCoreApplication.translate("CallSheet", "Contact"), 11),
            (QCoreApplication.translate("CallSheet", "Phone"), 11),
            (QCoreApplication.translate("CallSheet", "Purpose"), 21),
            (QCoreApplication.translate("CallSheet", "Last contact"), 9),
            (QCoreApplication.translate("CallSheet", "Result"), 17),
        ],
        rows,
    )
    for block in blocks[2:]:  # room to write the result by hand
        if isinstance(block, TextBlock):
            block.height = max(block.height, 34.0)
    return blocks


# -- entry points ---------------------------------------------------------------------------
class SheetRenderer:
    """Draws sheets and lists onto one paged device (a QPdfWriter or a QPrinter).

    Create it, and everything it draws, in the thread that paints.
    """

    def __init__(self, device: QPagedPaintDevice, printed: datetime | None = None) -> None:
        self.device = device
        self.family = ensure_font()
        self.printed = printed or datetime.now().astimezone()
        self.painter: QPainter | None = None
        self.pages = 0

    def _begin(self) -> QPainter:
        if self.painter is None:
            self.painter = QPainter()
            if not self.painter.begin(self.device):
                raise OSError(
                    QCoreApplication.translate(
                        "CallSheet", "Could not start printing (is the file writable?)"
                    )
                )
        return self.painter

    def add_sheet(self, sheet: CallSheet) -> int:
        """Draw one prospect's sheet on new pages; returns how many pages it took."""
        width, height = content_size(self.device)
        pages = paginate(sheet_blocks(sheet, width, self.family, self.printed), height)
        footer = Footer(
            cut(f"{sheet.company} — {QCoreApplication.translate('CallSheet', 'Call sheet')}", 80),
            self.family,
        )
        draw_pages(self._begin(), self.device, pages, footer, first=self.pages == 0)
        self.pages += len(pages)
        return len(pages)

    def add_call_list(self, entries: Sequence[CallListEntry], day: date) -> int:
        width, height = content_size(self.device)
        pages = paginate(call_list_blocks(entries, day, width, self.family, self.printed), height)
        footer = Footer(
            QCoreApplication.translate("CallSheet", "Call list for {0}").format(day_text(day)),
            self.family,
        )
        draw_pages(self._begin(), self.device, pages, footer, first=self.pages == 0)
        self.pages += len(pages)
        return len(pages)

    def finish(self) -> None:
        if self.painter is not None:
            self.painter.end()
            self.painter = None


@dataclass
class PackJob:
    """What to print: some prospects' sheets, a day's sheets, or a day's compact list."""

    prospect_ids: list[str] = field(default_factory=list)
    day: date | None = None
    compact: bool = False
    include_overdue: bool = True
    limit: int | None = None  # a day's first N prospects
    setup: PageSetup = field(default_factory=PageSetup)
    title: str = "SalesDesk"


def render_job(
    db: Database,
    job: PackJob,
    device: QPagedPaintDevice,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Render ``job`` onto ``device`` in the calling thread; returns the page count.

    ``progress(done, total)`` is called once with ``done`` 0 when the number of sheets is
    known, then after each sheet (a compact list counts as one); ``cancelled()`` returning
    True stops before the next sheet (the pages drawn so far stay on the device).
    """
    service = SheetService(db)
    renderer = SheetRenderer(device)

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total)

    try:
        if job.day is not None and job.compact:
            report(0, 1)
            entries = service.call_list(
                job.day, include_overdue=job.include_overdue, limit=job.limit
            )
            renderer.add_call_list(entries, job.day)
            report(1, 1)
            return renderer.pages
        ids = list(job.prospect_ids)
        if job.day is not None:
            ids = [
                e.prospect_id
                for e in service.call_list(
                    job.day, include_overdue=job.include_overdue, limit=job.limit
                )
            ]
            if not ids:  # nothing due: say so on paper rather than print nothing
                report(0, 0)
                renderer.add_call_list([], job.day)
                return renderer.pages
        report(0, len(ids))
        for n, pid in enumerate(ids, start=1):
            if cancelled is not None and cancelled():
                break
            renderer.add_sheet(service.sheet(pid))
            report(n, len(ids))
        return renderer.pages
    finally:
        renderer.finish()


def partial_path(out: Path) -> Path:
    """Where a PDF is written until it is complete (then renamed to ``out``), so that an
    export that fails or is cancelled never leaves half a PDF under the chosen name."""
    return out.with_name(out.name + ".part")


def pdf_writer(path: Path | str, setup: PageSetup, title: str) -> QPagedPaintDevice:
    from PySide6.QtGui import QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setResolution(600)
    writer.setTitle(title)
    writer.setCreator("SalesDesk")
    setup.apply(writer)
    return writer
