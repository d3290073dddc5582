"""The deal panel, closing checklist, outcome dialog and dashboard, as a rep uses them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from salesdesk.config import Settings
from salesdesk.core.closing_rules import CheckItem, DealResult, DealStage
from salesdesk.core.db import Database
from salesdesk.core.deals import DealInput, DealService, OutcomeInput, QuestionInput
from salesdesk.core.enums import InteractionKind
from salesdesk.core.records import CallInput, ContactInput, ProspectInput
from salesdesk.core.services import Services
from salesdesk.ui.deal_panel import DealPanel, QuestionDialog
from salesdesk.ui.deals_dashboard import DealsDashboard
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.outcome_dialog import OutcomeDialog
from salesdesk.ui.prospect_model import ProspectTableModel


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    shown: list[str] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda *a, k=kind: shown.append(k) or QMessageBox.StandardButton.Ok
        )
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: shown.append("question") or QMessageBox.StandardButton.Yes,
    )
    yield shown


@pytest.fixture
def services(db: Database) -> Services:
    return Services.create(db)


@pytest.fixture
def deals(services: Services) -> DealService:
    return DealService(services.db, services.clock, services.listing)


@pytest.fixture
def pid(services: Services) -> str:
    pid = services.prospects.create(ProspectInput("山田製作所", "ヤマダ", phone="0561-12-3456"))
    services.prospects.add_contact(pid, ContactInput("山田 花子", title="専務"))
    return pid


@pytest.fixture
def deal_id(deals: DealService, pid: str) -> str:
    return deals.create(
        pid, DealInput("展示会出展パック", amount=1_200_000, stage=DealStage.CLOSING)
    )


@pytest.fixture
def panel(qtbot: QtBot, deals: DealService, pid: str, deal_id: str) -> DealPanel:
    widget = DealPanel(deals)
    qtbot.addWidget(widget)
    widget.resize(1000, 1200)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_prospect(pid, "山田製作所", ["山田 花子"])
    return widget


def missing_lines(panel: DealPanel) -> list[str]:
    return panel.missing.text().splitlines()


# -- the panel and its checklist ------------------------------------------------------------
def test_the_panel_shows_the_deal_and_what_is_missing_in_plain_words(panel: DealPanel) -> None:
    assert panel.deal_list.topLevelItemCount() == 1
    item = panel.deal_list.topLevelItem(0)
    assert item is not None
    assert item.text(0) == "展示会出展パック"
    assert item.text(2) == "¥1,200,000"
    assert panel.title.text() == "展示会出展パック"
    assert panel.amount.text() == "1,200,000"
    assert panel.readiness.value() == 10
    assert panel.readiness.text() == "Not ready yet: 10%"
    lines = missing_lines(panel)
    assert "• Give them the material they need to decide." in lines
    assert "• Ask the closing question: let the customer be the one who decides." in lines
    assert len(lines) == 10


def test_editor_and_checklist_sit_side_by_side_when_wide_and_stack_when_narrow(
    qtbot: QtBot, panel: DealPanel
) -> None:
    assert panel.editor.geometry().top() == panel.checklist_box.geometry().top()
    assert panel.checklist_box.geometry().left() > panel.editor.geometry().right()
    panel.resize(480, 1200)
    qtbot.waitUntil(lambda: panel.checklist_box.geometry().top() > panel.editor.geometry().bottom())


def test_ticking_an_item_stores_it_and_takes_it_off_the_missing_list(
    panel: DealPanel, deals: DealService, deal_id: str
) -> None:
    row = panel.tick_rows[CheckItem.MATERIAL_PROVIDED]
    row.note.setText("導入事例集")
    row.check.setChecked(True)
    stored = deals.checklist(deal_id).ticks[CheckItem.MATERIAL_PROVIDED]
    assert stored.done and stored.note == "導入事例集" and stored.on == deals.today()
    assert "• Give them the material they need to decide." not in missing_lines(panel)
    assert panel.readiness.value() == 20
    assert row.on.isEnabled()


def test_the_arrows_must_be_written_not_only_ticked(
    qtbot: QtBot, panel: DealPanel, deals: DealService, deal_id: str
) -> None:
    label = panel.derived[CheckItem.ARROWS]
    assert label.text().startswith("✘")
    panel.second_arrow.setText("小規模プランで始める案")
    panel.second_arrow.editingFinished.emit()
    assert deals.get(deal_id).second_arrow == "小規模プランで始める案"
    assert label.text().startswith("✘")  # one arrow is not two
    assert "• Write down the third arrow (one more next step)." in missing_lines(panel)
    panel.third_arrow.setText("分割払い")
    panel.third_arrow.editingFinished.emit()
    assert label.text().startswith("✔")


def test_the_next_meeting_needs_its_reason(panel: DealPanel) -> None:
    row = panel.tick_rows[CheckItem.NEXT_MEETING]
    row.check.setChecked(True)
    assert any("another matter" in line for line in missing_lines(panel))
    row.note.setText("新製品の説明会")
    row.note.editingFinished.emit()
    assert not any("another matter" in line for line in missing_lines(panel))


def test_questions_show_on_the_deal_and_on_the_checklist(
    qtbot: QtBot,
    panel: DealPanel,
    deals: DealService,
    deal_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fill_and_save(dialog: QuestionDialog) -> int:
        dialog.question.setPlainText("設営は誰がやる？")
        dialog.asked_by.setCurrentText("山田 花子")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(QuestionDialog, "exec", fill_and_save)
    panel.add_question_button.click()
    assert panel.question_list.topLevelItemCount() == 1
    item = panel.question_list.topLevelItem(0)
    assert item is not None and item.text(1) == "山田 花子" and item.text(3) == "—"
    assert "• 1 question or worry still unanswered." in missing_lines(panel)

    def answer(dialog: QuestionDialog) -> int:
        dialog.resolved.check.setChecked(True)
        dialog.accept()  # resolved without the answer: refused at the field
        assert dialog.errors.message("answer") == "Write the answer you gave."
        dialog.answer.setPlainText("当社スタッフが設営します")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(QuestionDialog, "exec", answer)
    panel.question_list.setCurrentItem(item)
    panel.edit_question_button.click()
    [q] = deals.questions(deal_id)
    assert q.resolved and q.answer == "当社スタッフが設営します"
    assert not any("unanswered" in line for line in missing_lines(panel))


def test_small_yeses_are_counted_from_logged_calls(
    qtbot: QtBot, panel: DealPanel, services: Services, pid: str
) -> None:
    assert "(0 logged since the deal opened)" in panel.derived[CheckItem.SMALL_YESES].text()
    services.calls.log_call(CallInput(pid, "資料OKと言われた", small_yes=True, no_next_step=True))
    panel.reload()
    assert "(1 logged since the deal opened)" in panel.derived[CheckItem.SMALL_YESES].text()
    assert panel.derived[CheckItem.SMALL_YESES].text().startswith("✔")


def test_a_new_deal_is_typed_and_saved_with_a_yen_amount(
    panel: DealPanel, deals: DealService, pid: str
) -> None:
    panel.new_button.click()
    assert panel.title.text() == "" and panel.save_button.text() == "Create deal"
    panel.title.setText("保守契約の更新")
    panel.amount.setText("９８０，０００")
    panel.deadline.setValue(date(2027, 1, 15))
    assert panel.save_deal()
    created = [d for d in deals.for_prospect(pid) if d.title == "保守契約の更新"]
    assert len(created) == 1
    assert created[0].amount == 980_000 and created[0].decision_deadline == date(2027, 1, 15)
    assert panel.deal_id == created[0].id


def test_an_unreadable_amount_is_explained_at_the_field(panel: DealPanel) -> None:
    panel.amount.setText("たくさん")
    assert not panel.save_deal()
    assert panel.errors.message("amount") == "Write the amount in figures, e.g. 1,200,000."


def test_three_pendings_show_the_streak_warning_and_the_list_flag(
    qtbot: QtBot, panel: DealPanel, deals: DealService, deal_id: str, services: Services
) -> None:
    for _ in range(3):
        deals.record_outcome(deal_id, OutcomeInput(DealResult.PENDING))
    panel.reload()
    assert panel.streak_warning.isVisible()
    assert "3 times in a row" in panel.streak_warning.text()
    item = panel.deal_list.topLevelItem(0)
    assert item is not None and "⚠3" in item.text(3)
    model = ProspectTableModel(services.listing)
    model.refresh()
    index = model.index(0, ProspectTableModel.COL_STAGE)
    assert "△×3" in model.data(index)
    assert "3 times in a row" in model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_progress_checks_only_are_warned_with_a_value_kind_proposed(
    qtbot: QtBot, panel: DealPanel, services: Services, pid: str
) -> None:
    now = datetime.now(UTC)
    for n in range(3):
        services.calls.log_call(
            CallInput(pid, "進捗いかがですか", kind=InteractionKind.PROGRESS_CHECK,
                      occurred_at=now - timedelta(hours=3 - n), no_next_step=True)
        )  # fmt: skip
    panel.reload()
    assert panel.lint_warning.isVisible()
    assert "only progress checks" in panel.lint_warning.text()
    assert "Labour (research, documents)" in panel.lint_warning.text()
    panel.lint_run = 4
    panel.reload()
    assert not panel.lint_warning.isVisible()


# -- the outcome dialog ----------------------------------------------------------------------
@pytest.fixture
def dialog(qtbot: QtBot, deals: DealService, deal_id: str) -> OutcomeDialog:
    deal = deals.get(deal_id)
    dlg = OutcomeDialog(
        deal,
        "山田製作所",
        on_record=lambda data: deals.record_outcome(deal_id, data),
        on_no_answer=lambda due, what, kind: deals.no_answer_yet(deal_id, due, what, kind),
        contacts=["山田 花子"],
    )
    qtbot.addWidget(dlg, before_close_func=lambda d: d.done(0))
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_the_dialog_refuses_an_unexplained_loss_and_offers_no_answer_yet(
    qtbot: QtBot, dialog: OutcomeDialog, deals: DealService, deal_id: str, pid: str,
    services: Services,
) -> None:  # fmt: skip
    dialog.lost.setChecked(True)
    assert dialog.loss_box.isVisible()
    dialog.note.setText("電話に出ない")
    dialog.accept()
    assert dialog.isVisible() and dialog.recorded is None
    assert dialog.errors.message("loss_category") == (
        "Choose the category of the customer's reason."
    )
    assert dialog.errors.message("loss_words") == "Write what the customer said, in their words."
    assert dialog.errors.message("loss_said_by") == "Who said it on the customer's side?"
    assert dialog.errors.message("loss_said_on") == "When did they say it?"
    assert dialog.refusal.isVisible()
    assert deals.get(deal_id).is_open and deals.outcomes(deal_id) == []

    dialog.use_no_answer.click()
    assert dialog.no_answer.isChecked()
    assert dialog.no_answer_box.isVisible() and not dialog.loss_box.isVisible()
    assert not dialog.refusal.isVisible()
    assert dialog.follow_up_what.text() == "Ask about the decision on “展示会出展パック”"
    dialog.accept()
    assert dialog.recorded == "no_answer"
    assert deals.get(deal_id).is_open
    [follow_up] = services.calls.open_follow_ups(pid)
    assert follow_up.what == "Ask about the decision on “展示会出展パック”"
    assert follow_up.kind is InteractionKind.INFORMATION


def test_a_loss_with_the_customers_reason_is_recorded(
    qtbot: QtBot, dialog: OutcomeDialog, deals: DealService, deal_id: str
) -> None:
    dialog.lost.setChecked(True)
    dialog.category.setCurrentIndex(dialog.category.findData("competitor"))
    dialog.words.setPlainText("付き合いの長いA社にお願いしました")
    dialog.said_by.setCurrentText("山田 花子")
    dialog.said_on.setValue(deals.today())
    dialog.accept()
    assert dialog.recorded == "lost" and not dialog.isVisible()
    d = deals.get(deal_id)
    assert d.result is DealResult.LOST and d.loss_said_by == "山田 花子"


def test_only_part_of_the_reason_is_still_refused(
    qtbot: QtBot, dialog: OutcomeDialog, deals: DealService, deal_id: str
) -> None:
    dialog.lost.setChecked(True)
    dialog.category.setCurrentIndex(dialog.category.findData("price"))
    dialog.words.setPlainText("高い")
    dialog.accept()
    assert dialog.errors.message("loss_category") == ""
    assert dialog.errors.message("loss_said_by") != ""
    assert dialog.refusal.isVisible()
    assert deals.get(deal_id).result is None


def test_won_and_pending_need_only_a_date(
    qtbot: QtBot, dialog: OutcomeDialog, deals: DealService, deal_id: str
) -> None:
    assert not dialog.ok_button.isEnabled()  # the rep chooses an answer deliberately
    dialog.pending.setChecked(True)
    assert not dialog.loss_box.isVisible()
    dialog.accept()
    assert dialog.recorded == "pending"
    assert deals.get(deal_id).pending_streak == 1


def test_the_panel_opens_the_dialog_and_refreshes_after_an_answer(
    qtbot: QtBot,
    panel: DealPanel,
    deals: DealService,
    deal_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def answer_won(dialog: OutcomeDialog) -> int:
        dialog.won.setChecked(True)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(OutcomeDialog, "exec", answer_won)
    with qtbot.waitSignal(panel.changed):
        panel.outcome_button.click()
    item = panel.deal_list.topLevelItem(0)
    assert item is not None and item.text(3) == "○ Won"
    assert not panel.outcome_button.isEnabled()
    assert "Answers so far:" in panel.history.text()


def _lose(deals: DealService, deal_id: str) -> None:
    """× with the customer's own words, as the app requires for a loss."""
    deals.record_outcome(
        deal_id,
        OutcomeInput(DealResult.LOST, loss_category="timing", loss_words="来期に",
                     loss_said_by="山田", loss_said_on=deals.today()),
    )  # fmt: skip


def test_a_lost_deal_can_be_reopened_from_the_panel(
    qtbot: QtBot, panel: DealPanel, deals: DealService, deal_id: str
) -> None:
    _lose(deals, deal_id)
    panel.reload()
    assert panel.reopen_button.isEnabled()
    panel.reopen_button.click()
    assert deals.get(deal_id).is_open
    assert "Reopened" in panel.history.text()


def test_a_won_deal_shows_its_checklist_as_a_record_not_as_work_to_do(
    panel: DealPanel, deals: DealService, deal_id: str
) -> None:
    deals.set_tick(deal_id, CheckItem.MATERIAL_PROVIDED, True, "導入事例集")
    deals.record_outcome(deal_id, OutcomeInput(DealResult.WON))
    panel.reload()
    # No readiness bar, no red "what is missing" list: the answer, in plain words.
    assert not panel.readiness.isVisible()
    assert not panel.missing_title.isVisible()
    assert not panel.missing.isVisible() and panel.missing.text() == ""
    assert panel.closed_note.isVisible()
    assert panel.closed_note.text().startswith("○ Won")
    assert "The deal is won." in panel.closed_note.text()
    # The ticks stay in view, read-only; nothing is marked as still to do.
    row = panel.tick_rows[CheckItem.MATERIAL_PROVIDED]
    assert row.check.isChecked() and not row.check.isEnabled()
    assert row.note.text() == "導入事例集" and not row.note.isEnabled()
    assert not panel.tick_rows[CheckItem.CLOSING_QUESTION].check.isChecked()
    assert not panel.second_arrow.isEnabled() and not panel.add_signal_button.isEnabled()
    for label in panel.derived.values():
        assert not label.text().startswith("✘"), label.text()
        assert "#7a1010" not in label.styleSheet()


def test_a_lost_deal_says_reopen_continues_and_reopening_brings_the_checklist_back(
    panel: DealPanel, deals: DealService, deal_id: str
) -> None:
    deals.set_tick(deal_id, CheckItem.MATERIAL_PROVIDED, True, "導入事例集")
    _lose(deals, deal_id)
    panel.reload()
    assert not panel.readiness.isVisible() and not panel.missing.isVisible()
    assert panel.closed_note.text().startswith("× Lost")
    assert "“Reopen” continues the deal from here" in panel.closed_note.text()
    assert not panel.tick_rows[CheckItem.MATERIAL_PROVIDED].check.isEnabled()
    panel.reopen_button.click()
    # Open again: the bar and the missing list are back, the earlier tick still there.
    assert not panel.closed_note.isVisible()
    assert panel.readiness.isVisible() and panel.readiness.value() == 20
    assert "• Ask the closing question: let the customer be the one who decides." in (
        missing_lines(panel)
    )
    row = panel.tick_rows[CheckItem.MATERIAL_PROVIDED]
    assert row.check.isChecked() and row.check.isEnabled() and row.note.isEnabled()
    assert panel.second_arrow.isEnabled()
    assert panel.derived[CheckItem.ARROWS].text().startswith("✘")


# -- the dashboard and the window ------------------------------------------------------------
def test_the_dashboard_shows_the_numbers_behind_the_charts(
    qtbot: QtBot, deals: DealService, deal_id: str, pid: str
) -> None:
    deals.set_tick(deal_id, CheckItem.CLOSING_QUESTION, True)
    deals.create(pid, DealInput("追加モジュール", stage=DealStage.CLOSING))
    other = deals.create(pid, DealInput("研修", stage=DealStage.PROPOSAL))
    for _ in range(3):
        deals.record_outcome(other, OutcomeInput(DealResult.PENDING))
    dash = DealsDashboard(deals.dashboard())
    qtbot.addWidget(dash)
    assert "asked on 1 of the 2 deals that reached closing (50%)" in dash.closing_summary.text()
    assert dash.lost_without_word.text() == "Lost without the customer's word: 0"
    assert dash.streak_table.rowCount() == 1
    assert dash.streak_table.item(0, 1).text() == "研修"


def test_the_window_has_a_deals_tab_and_a_dashboard_in_reports(
    qtbot: QtBot, services: Services, pid: str, deal_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(services, Settings(progress_check_run=5))
    qtbot.addWidget(window)
    window.show()
    window.select_prospect(pid)
    tabs = window.detail.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())][-1] == "Deals"
    tabs.setCurrentWidget(window.detail.deals)
    qtbot.waitUntil(lambda: window.detail.deals.deal_list.topLevelItemCount() == 1)
    assert window.detail.deals.lint_run == 5
    opened: list[int] = []
    monkeypatch.setattr(DealsDashboard, "exec", lambda self: opened.append(1) or 0)
    reports = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Reports")
    [action] = [a for a in reports.actions() if a.text() == "&Deals dashboard…"]
    action.trigger()
    assert opened == [1]


def test_the_larger_view_shows_the_same_deal(
    qtbot: QtBot, panel: DealPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str | None] = []

    def look(dialog: QDialog) -> int:
        inner = dialog.findChild(DealPanel)
        assert inner is not None
        dialog.show()
        qtbot.waitUntil(lambda: inner.deal_list.topLevelItemCount() == 1)
        seen.append(inner.title.text())
        dialog.hide()
        return 0

    monkeypatch.setattr(QDialog, "exec", look)
    panel.large_button.click()
    assert seen == ["展示会出展パック"]


def test_closing_the_larger_view_with_unsaved_edits_asks_first(
    qtbot: QtBot, panel: DealPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]

    def question(_parent: object, _title: str, text: str, *_rest: object) -> object:
        asked.append(text)
        return answers.pop(0)

    closed: list[bool] = []

    def edit_then_close(dialog: QDialog) -> int:
        inner = dialog.findChild(DealPanel)
        assert inner is not None
        dialog.show()
        qtbot.waitUntil(lambda: inner.deal_list.topLevelItemCount() == 1)
        inner.title.setText("入力途中")
        inner.title.textEdited.emit("入力途中")
        monkeypatch.setattr(QMessageBox, "question", question)
        dialog.reject()  # Cancel: stays open, the edit kept
        closed.append(dialog.isVisible() and inner.title.text() == "入力途中")
        dialog.reject()  # Discard: closes
        closed.append(not dialog.isVisible())
        return 0

    monkeypatch.setattr(QDialog, "exec", edit_then_close)
    panel.large_button.click()
    assert closed == [True, True] and len(asked) == 2


def test_settings_keep_the_progress_check_run(qtbot: QtBot, paths: object) -> None:
    from salesdesk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(progress_check_run=4), paths)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert dialog.progress_check_run.value() == 4
    dialog.progress_check_run.setValue(6)
    assert dialog.updated(Settings()).progress_check_run == 6


def test_questions_dialog_needs_the_question(qtbot: QtBot) -> None:
    saved: list[QuestionInput] = []
    dialog = QuestionDialog(lambda d: (d.validate(), saved.append(d)))
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.accept()
    assert dialog.errors.message("question") == "Write the question or worry."
    assert saved == []


def test_the_deals_tab_keeps_sqlalchemy_and_qtcharts_off_the_first_paint() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import salesdesk.ui.main_window, salesdesk.ui.deal_panel, "
        "salesdesk.core.deals; "
        "sys.exit(1 if {'sqlalchemy', 'PySide6.QtCharts'} & set(sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_refusal_messages_sit_under_their_fields_not_over_them(
    qtbot: QtBot, dialog: OutcomeDialog
) -> None:
    dialog.lost.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.refusal.isVisible())
    for name in ("loss_category", "loss_words", "loss_said_by", "loss_said_on"):
        field, message = dialog.errors._fields[name]
        field_bottom = field.mapTo(dialog, field.rect().bottomLeft()).y()
        message_top = message.mapTo(dialog, message.rect().topLeft()).y()
        assert message_top > field_bottom, name
        assert message.height() >= message.heightForWidth(message.width()), name
    assert dialog.height() >= dialog.layout().totalMinimumSize().height()


def test_a_refresh_keeps_what_the_rep_is_typing(
    panel: DealPanel, deals: DealService, deal_id: str
) -> None:
    panel.competitors.setText("A社")
    panel.competitors.textEdited.emit("A社")
    assert panel.unsaved.text() == "Not saved yet"
    deals.record_outcome(deal_id, OutcomeInput(DealResult.PENDING))
    panel.reload()  # e.g. the main window refreshed after an answer or a call
    assert panel.competitors.text() == "A社"
    assert panel.has_unsaved_changes()
    assert panel.save_deal()
    assert deals.get(deal_id).competitors == "A社"


def test_a_rep_takes_a_deal_from_approach_to_won_in_the_panel(
    qtbot: QtBot, panel: DealPanel, deals: DealService, pid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.new_button.click()
    panel.title.setText("Web広告運用")
    assert panel.save_deal()
    new_id = panel.deal_id
    assert new_id is not None and deals.get(new_id).stage is DealStage.APPROACH
    for stage in ("appointment", "hearing", "proposal", "closing"):
        panel.stage.setCurrentIndex(panel.stage.findData(stage))
        assert panel.save_deal()
        assert deals.get(new_id).stage.value == stage
    assert deals.get(new_id).reached_closing_at is not None

    def answer_won(dialog: OutcomeDialog) -> int:
        dialog.won.setChecked(True)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(OutcomeDialog, "exec", answer_won)
    panel.outcome_button.click()
    assert deals.get(new_id).result is DealResult.WON
    assert not panel.stage.isEnabled()  # a won deal stays where it was won


def test_an_unset_date_reads_not_set_and_a_tick_brings_a_date_back(qtbot: QtBot) -> None:
    from PySide6.QtCore import QDate

    from salesdesk.ui.outcome_dialog import OptionalDate

    field = OptionalDate("Decision deadline")
    qtbot.addWidget(field)
    assert field.value() is None
    assert field.edit.text() == "not set"  # not a greyed date that looks filled in
    field.check.setChecked(True)
    assert field.value() == QDate.currentDate().toPython()
    field.edit.setDate(QDate(2027, 1, 15))
    field.check.setChecked(False)
    assert field.value() is None and field.edit.text() == "not set"
    field.check.setChecked(True)  # ticked again: the date chosen before comes back
    assert str(field.value()) == "2027-01-15"
    field.setValue(None)
    assert field.edit.text() == "not set" and not field.edit.isEnabled()


def test_the_deals_tab_fits_the_narrow_detail_area_without_scrolling_sideways(
    qtbot: QtBot, panel: DealPanel, pid: str
) -> None:
    panel.resize(470, 640)  # the detail area beside the list on a 1280-pixel-wide window
    qtbot.waitUntil(lambda: panel.deal_list.topLevelItemCount() == 1)
    content = panel.scroll.widget()
    qtbot.waitUntil(lambda: content.width() <= panel.scroll.viewport().width())
    assert content.minimumSizeHint().width() <= panel.scroll.viewport().width()
    assert not panel.scroll.horizontalScrollBar().isVisible()
    assert panel.large_button.isVisible() and panel.new_button.isVisible()
