"""Words for the deals' codes: results, loss categories, checklist items, what is missing.

The core (closing_rules, deals) speaks in codes; this is where they become sentences
the rep reads, in Japanese or English.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from salesdesk.core import closing_rules as rules
from salesdesk.core import deals
from salesdesk.core.closing_rules import CheckItem, DealResult, DealStage, LossCategory
from salesdesk.core.enums import InteractionKind, Stage
from salesdesk.ui.labels import error_message, kind_label, stage_label


def deal_stage_label(stage: DealStage) -> str:
    """Deal stages use the same words as the prospect stages."""
    return stage_label(Stage(stage.value))


def result_label(result: DealResult | None) -> str:
    """ "○ Won", "△ Pending", "× Lost", or "Open" when there is no answer yet."""
    if result is None:
        return QCoreApplication.translate("DealText", "Open")
    return {
        DealResult.WON: QCoreApplication.translate("DealText", "○ Won"),
        DealResult.PENDING: QCoreApplication.translate("DealText", "△ Pending"),
        DealResult.LOST: QCoreApplication.translate("DealText", "× Lost"),
    }[result]


def history_label(result: str) -> str:
    """A line of the answer history (won, pending, lost, no answer yet, reopened)."""
    if result == "no_answer":
        return QCoreApplication.translate("DealText", "No answer yet")
    if result == "reopened":
        return QCoreApplication.translate("DealText", "Reopened")
    return result_label(DealResult(result))


def category_label(category: LossCategory | str) -> str:
    return {
        LossCategory.PRICE: QCoreApplication.translate("DealText", "Price"),
        LossCategory.TIMING: QCoreApplication.translate("DealText", "Timing"),
        LossCategory.COMPETITOR: QCoreApplication.translate("DealText", "Competitor"),
        LossCategory.NO_NEED: QCoreApplication.translate("DealText", "No need"),
        LossCategory.INTERNAL_DECISION: QCoreApplication.translate("DealText", "Internal decision"),
        LossCategory.OTHER: QCoreApplication.translate("DealText", "Other reason"),
    }[LossCategory(category)]


def item_label(item: CheckItem) -> str:
    """The checklist line for each item."""
    return {
        CheckItem.MATERIAL_PROVIDED: QCoreApplication.translate(
            "DealText", "Decision material provided"
        ),
        CheckItem.DEADLINE_FIXED: QCoreApplication.translate("DealText", "Decision deadline fixed"),
        CheckItem.PROCESS_KNOWN: QCoreApplication.translate("DealText", "Decision process known"),
        CheckItem.QUESTIONS_RESOLVED: QCoreApplication.translate(
            "DealText", "Questions and worries resolved"
        ),
        CheckItem.SMALL_YESES: QCoreApplication.translate("DealText", "Small yeses obtained"),
        CheckItem.TRIAL_CLOSE: QCoreApplication.translate("DealText", "Trial close done"),
        CheckItem.ARROWS: QCoreApplication.translate("DealText", "Second and third arrows ready"),
        CheckItem.BUYING_SIGNALS: QCoreApplication.translate("DealText", "Buying signals observed"),
        CheckItem.CLOSING_QUESTION: QCoreApplication.translate(
            "DealText", "Closing question asked"
        ),
        CheckItem.NEXT_MEETING: QCoreApplication.translate(
            "DealText", "Reason for the next meeting (another matter)"
        ),
    }[item]


def missing_text(code: str, open_questions: int = 0) -> str:
    """What is missing, as a plain sentence that says what to do."""
    if code == rules.OPEN_QUESTIONS:
        return QCoreApplication.translate(
            "DealText", "%n question(s) or worry(ies) still unanswered.", "", open_questions
        )
    return {
        rules.NO_DECISION_MATERIAL: QCoreApplication.translate(
            "DealText", "Give them the material they need to decide."
        ),
        rules.NO_DECISION_DEADLINE: QCoreApplication.translate(
            "DealText", "Agree by when they will decide (the decision deadline)."
        ),
        rules.DEADLINE_WITHOUT_DATE: QCoreApplication.translate(
            "DealText", "Write the decision deadline's date on the deal."
        ),
        rules.DECISION_PROCESS_UNKNOWN: QCoreApplication.translate(
            "DealText", "Find out how they decide: who decides and what they collect first."
        ),
        rules.NO_SMALL_YES: QCoreApplication.translate(
            "DealText", "No small yes logged yet: ask for small agreements along the way."
        ),
        rules.NO_TRIAL_CLOSE: QCoreApplication.translate(
            "DealText", "Do a trial close before the real one."
        ),
        rules.SECOND_ARROW_MISSING: QCoreApplication.translate(
            "DealText", "Write down the second arrow (an alternative if they hesitate)."
        ),
        rules.THIRD_ARROW_MISSING: QCoreApplication.translate(
            "DealText", "Write down the third arrow (one more next step)."
        ),
        rules.NO_BUYING_SIGNALS: QCoreApplication.translate(
            "DealText", "No buying signal noted yet."
        ),
        rules.CLOSING_QUESTION_NOT_ASKED: QCoreApplication.translate(
            "DealText", "Ask the closing question: let the customer be the one who decides."
        ),
        rules.NO_NEXT_MEETING_REASON: QCoreApplication.translate(
            "DealText", "Set a reason to meet again on another matter (write it in the note)."
        ),
    }.get(code, code)


def readiness_text(score: int, level: str) -> str:
    if level == "ready":
        return QCoreApplication.translate("DealText", "Ready to close: {0}%").format(score)
    if level == "getting_there":
        return QCoreApplication.translate("DealText", "Getting there: {0}%").format(score)
    return QCoreApplication.translate("DealText", "Not ready yet: {0}%").format(score)


def streak_text(streak: int) -> str:
    return QCoreApplication.translate(
        "DealText",
        "Pending (△) %n time(s) in a row: change the approach — new material, a new "
        "proposal or the decision maker — rather than waiting again.",
        "",
        streak,
    )


def lint_text(run: int, proposed: InteractionKind) -> str:
    return QCoreApplication.translate(
        "DealText",
        "The last %n contact(s) were only progress checks. Next time bring them "
        "something of value: {0}.",
        "",
        run,
    ).format(kind_label(proposed))


def deal_error(field: str, code: str) -> str:
    """The sentence under a field of the deal editor or the outcome dialog."""
    special = {
        rules.LOSS_CATEGORY_REQUIRED: QCoreApplication.translate(
            "DealText", "Choose the category of the customer's reason."
        ),
        rules.CUSTOMER_WORDS_REQUIRED: QCoreApplication.translate(
            "DealText", "Write what the customer said, in their words."
        ),
        rules.SAID_BY_REQUIRED: QCoreApplication.translate(
            "DealText", "Who said it on the customer's side?"
        ),
        rules.SAID_ON_REQUIRED: QCoreApplication.translate("DealText", "When did they say it?"),
        rules.DATE_IN_FUTURE: QCoreApplication.translate("DealText", "This date is in the future."),
        deals.INVALID_AMOUNT: QCoreApplication.translate(
            "DealText", "Write the amount in figures, e.g. 1,200,000."
        ),
        deals.INVALID_CURRENCY: QCoreApplication.translate(
            "DealText", "A currency is a three-letter code such as JPY or USD."
        ),
        deals.DEAL_CLOSED: QCoreApplication.translate(
            "DealText", "This deal is already won or lost. Reopen a lost deal first."
        ),
        deals.NOT_LOST: QCoreApplication.translate("DealText", "Only a lost deal can be reopened."),
    }
    if code in special:
        return special[code]
    if code == "required" and field == "title":
        return QCoreApplication.translate("DealText", "Give the deal a title.")
    if code == "required" and field == "follow_up_what":
        return QCoreApplication.translate("DealText", "Say what the follow-up is.")
    if code == "required" and field == "question":
        return QCoreApplication.translate("DealText", "Write the question or worry.")
    if code == "required" and field == "answer":
        return QCoreApplication.translate("DealText", "Write the answer you gave.")
    if code == "out_of_range" and field == "follow_up_at":
        return QCoreApplication.translate("DealText", "The follow-up cannot be in the past.")
    return error_message(field, code)


def format_day(value: date | None) -> str:
    """A date in the locale's short format ('' for none)."""
    if value is None:
        return ""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def amount_text(amount: int | None, currency: str) -> str:
    """1200000 JPY → "¥1,200,000"; other currencies as "1,250.50 USD"."""
    if amount is None:
        return ""
    if currency == "JPY":
        return "¥" + deals.format_amount(amount, currency)
    return f"{deals.format_amount(amount, currency)} {currency}"
