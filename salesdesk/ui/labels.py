"""Translated names for the core's enums and error codes.

The core speaks in codes ("labour", "invalid_email"); this is where they become words
the rep reads, in Japanese or English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from salesdesk.core import validation
from salesdesk.core.models import Channel, InteractionKind, Outcome, Stage


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def stage_label(stage: Stage) -> str:
    return {
        Stage.LEAD: _t("Lead"),
        Stage.APPROACH: _t("Approach"),
        Stage.APPOINTMENT: _t("Appointment"),
        Stage.HEARING: _t("Hearing"),
        Stage.PROPOSAL: _t("Proposal"),
        Stage.CLOSING: _t("Closing"),
        Stage.CUSTOMER: _t("Customer"),
        Stage.DORMANT: _t("Dormant"),
    }[stage]


def channel_label(channel: Channel) -> str:
    return {
        Channel.PHONE: _t("Phone"),
        Channel.VISIT: _t("Visit"),
        Channel.ONLINE: _t("Online meeting"),
        Channel.EMAIL: _t("E-mail"),
    }[channel]


def kind_label(kind: InteractionKind) -> str:
    return {
        InteractionKind.LABOUR: _t("Labour (research, documents)"),
        InteractionKind.GOODWILL: _t("Goodwill"),
        InteractionKind.INFORMATION: _t("Information"),
        InteractionKind.PROPOSAL: _t("Proposal / new idea"),
        InteractionKind.ANOTHER_MATTER: _t("Another matter"),
        InteractionKind.PROGRESS_CHECK: _t("Progress check"),
        InteractionKind.CLOSING: _t("Closing"),
        InteractionKind.COMPLAINT: _t("Complaint handling"),
        InteractionKind.OTHER: _t("Other"),
    }[kind]


def outcome_label(outcome: Outcome) -> str:
    return {
        Outcome.REACHED: _t("Talked"),
        Outcome.NOT_REACHED: _t("Not reached"),
        Outcome.LEFT_MESSAGE: _t("Left a message"),
        Outcome.APPOINTMENT_SET: _t("Appointment set"),
        Outcome.DECLINED: _t("Declined"),
        Outcome.OTHER: _t("Other"),
    }[outcome]


def error_message(field: str, code: str) -> str:
    """The sentence shown under a field for a validation code from the core."""
    if code == validation.REQUIRED:
        if field == "company":
            return _t("Enter the company name.")
        if field == "name":
            return _t("Enter the contact's name.")
        if field == "summary":
            return _t("Write a one-line summary of the call.")
        if field == "next_step_what":
            return _t("Say what the next step is.")
        return _t("This field is required.")
    return {
        validation.INVALID_EMAIL: _t(
            "This is not a valid e-mail address (example: name@company.co.jp)."
        ),
        validation.INVALID_PHONE: _t(
            "A phone number may contain only digits, spaces, +, - and ()."
        ),
        validation.OUT_OF_RANGE: _t("This value is out of range."),
        validation.NEXT_STEP_MISSING: _t(
            "Set the next step (when and what), or tick “No next step”."
        ),
        validation.NOT_FOUND: _t("This record no longer exists."),
    }.get(code, _t("This value is not accepted."))
