"""Words for the relationship method: dimension names and meanings, reasons, actions.

The core speaks in codes (``contribution``, ``contacts_known``, ``give_information``);
this is where they become sentences the rep reads, in Japanese or English.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from salesdesk.core.relationship import NEED_AWARENESS, NOT_ASSESSED, NextAction, Suggestion


def dimension_name(key: str) -> str:
    """The dimension's name as reps say it (ビジネス関係 / Business ...)."""
    names = {
        "business": QCoreApplication.translate("Relationship", "Business"),
        "empathy": QCoreApplication.translate("Relationship", "Empathy"),
        "contribution": QCoreApplication.translate("Relationship", "Contribution"),
        "multi_contact": QCoreApplication.translate("Relationship", "Multiple contacts"),
        "key_contact": QCoreApplication.translate("Relationship", "Key contact"),
        "voluntary": QCoreApplication.translate("Relationship", "Voluntary"),
        NEED_AWARENESS: QCoreApplication.translate("Relationship", "Need awareness"),
        NOT_ASSESSED: QCoreApplication.translate("Relationship", "not assessed yet"),
    }
    return names.get(key, key)


def dimension_meaning(key: str) -> str:
    """What the dimension means, for the hover text (DOMAIN.md §1)."""
    meanings = {
        "business": QCoreApplication.translate(
            "Relationship",
            "There is already trade between us: a won deal or an existing customer. "
            "Zero for a new prospect.",
        ),
        "empathy": QCoreApplication.translate(
            "Relationship",
            "They agree with our way of thinking and attitude, logically and emotionally. "
            "Your judgement after conversations.",
        ),
        "contribution": QCoreApplication.translate(
            "Relationship",
            "Dealing with us (not only buying) brings them some benefit: labour, "
            "information, proposals, goodwill.",
        ),
        "multi_contact": QCoreApplication.translate(
            "Relationship", "We know several people on their side."
        ),
        "key_contact": QCoreApplication.translate(
            "Relationship", "We know a decision maker or someone with authority."
        ),
        "voluntary": QCoreApplication.translate(
            "Relationship",
            "They have already spent their own time or resources on us: asked for "
            "material, came to an event, introduced someone, sent data.",
        ),
        NEED_AWARENESS: QCoreApplication.translate(
            "Relationship",
            "How clearly the prospect sees their own need for what we offer. "
            "Ask for decisions only once it is high enough.",
        ),
    }
    return meanings.get(key, "")


def score_tooltip(key: str) -> str:
    """Name, meaning and the keys that set the score."""
    keys = QCoreApplication.translate("Relationship", "0–5: type a digit or use the arrow keys.")
    return "\n".join([dimension_name(key), dimension_meaning(key), keys])


def _count(params: Mapping[str, str | int]) -> int:
    value = params.get("count", 0)
    return value if isinstance(value, int) else 0


def suggestion_reason(s: Suggestion) -> str:
    """Why the logged facts point to this score, in one sentence."""
    p = s.params
    # A plain name as the count: lupdate skips plural messages whose count is a call.
    count = _count(p)
    if s.reason == "won_deals":
        return QCoreApplication.translate("Relationship", "%n deal(s) won with them.", "", count)
    if s.reason == "existing_customer":
        return QCoreApplication.translate("Relationship", "They are an existing customer.")
    if s.reason == "no_trade_yet":
        return QCoreApplication.translate("Relationship", "No trade with them yet.")
    if s.reason == "contacts_known":
        return QCoreApplication.translate(
            "Relationship", "%n contact(s) known at this company.", "", count
        )
    if s.reason == "executive_decision_maker_known":
        return QCoreApplication.translate(
            "Relationship", "{0} ({1}) is a decision maker with an executive title."
        ).format(p.get("name", ""), p.get("title", ""))
    if s.reason == "decision_maker_known":
        return QCoreApplication.translate(
            "Relationship", "{0} is marked as decision maker."
        ).format(p.get("name", ""))
    if s.reason == "executive_known":
        return QCoreApplication.translate(
            "Relationship", "{0} has an executive title ({1})."
        ).format(p.get("name", ""), p.get("title", ""))
    if s.reason == "no_key_contact":
        return QCoreApplication.translate(
            "Relationship", "Nobody known there is a decision maker or executive."
        )
    if s.reason == "contributions_90_days":
        return QCoreApplication.translate(
            "Relationship",
            "%n contribution(s) (labour, information, proposal, goodwill) in the last 90 days.",
            "",
            count,
        )
    if s.reason == "customer_initiated":
        return QCoreApplication.translate(
            "Relationship", "%n contact(s) started by the customer.", "", count
        )
    return s.reason


def action_text(action: NextAction) -> str:
    """The next-best action in plain words."""
    code = action.code
    if code == "assess_first":
        return QCoreApplication.translate(
            "Relationship",
            "Score the relationship first: how strong is it on each of the six dimensions?",
        )
    if code == "give_information":
        return QCoreApplication.translate(
            "Relationship",
            "Contribute: send the market report or case study they asked about, "
            "or offer to research something for them.",
        )
    if code == "share_view":
        return QCoreApplication.translate(
            "Relationship",
            "Win empathy: share how you see their situation and listen for where they agree.",
        )
    if code == "invite_small_step":
        return QCoreApplication.translate(
            "Relationship",
            "Invite a small step of their own: offer material they can ask for, "
            "or invite them to a seminar or event.",
        )
    if code == "meet_another_person":
        return QCoreApplication.translate(
            "Relationship",
            "Widen the contact: ask to be introduced to a colleague in another section.",
        )
    if code == "meet_decision_maker":
        return QCoreApplication.translate(
            "Relationship",
            "Reach authority: ask to meet their department head or the decision maker.",
        )
    if code == "offer_small_trial":
        return QCoreApplication.translate(
            "Relationship", "Start trading: propose a small first order or a trial."
        )
    if code == "raise_need_awareness":
        return QCoreApplication.translate(
            "Relationship",
            "The relationship is there; help them see the need: show what the problem "
            "costs them today.",
        )
    if code == "ask_for_decision":
        return QCoreApplication.translate(
            "Relationship", "Relationship and need awareness are strong: ask for the decision."
        )
    return code


def weak_list(keys: list[str]) -> list[str]:
    """Names of the weak score keys from the decision warning."""
    return [dimension_name(k) for k in keys]
