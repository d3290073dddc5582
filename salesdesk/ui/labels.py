"""Translated names for the core's enums and error codes.

The core speaks in codes ("labour", "invalid_email"); this is where they become words
the rep reads, in Japanese or English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from salesdesk.core import validation
from salesdesk.core.enums import (
    ActionItemStatus,
    Channel,
    ComplaintSeverity,
    ComplaintStatus,
    InteractionKind,
    Outcome,
    Stage,
)


def stage_label(stage: Stage) -> str:
    return {
        Stage.LEAD: QCoreApplication.translate("Labels", "Lead"),
        Stage.APPROACH: QCoreApplication.translate("Labels", "Approach"),
        Stage.APPOINTMENT: QCoreApplication.translate("Labels", "Appointment"),
        Stage.HEARING: QCoreApplication.translate("Labels", "Hearing"),
        Stage.PROPOSAL: QCoreApplication.translate("Labels", "Proposal"),
        Stage.CLOSING: QCoreApplication.translate("Labels", "Closing"),
        Stage.CUSTOMER: QCoreApplication.translate("Labels", "Customer"),
        Stage.DORMANT: QCoreApplication.translate("Labels", "Dormant"),
    }[stage]


def channel_label(channel: Channel) -> str:
    return {
        Channel.PHONE: QCoreApplication.translate("Labels", "Phone"),
        Channel.VISIT: QCoreApplication.translate("Labels", "Visit"),
        Channel.ONLINE: QCoreApplication.translate("Labels", "Online meeting"),
        Channel.EMAIL: QCoreApplication.translate("Labels", "E-mail"),
    }[channel]


def kind_label(kind: InteractionKind) -> str:
    return {
        InteractionKind.LABOUR: QCoreApplication.translate(
            "Labels", "Labour (research, documents)"
        ),
        InteractionKind.GOODWILL: QCoreApplication.translate("Labels", "Goodwill"),
        InteractionKind.INFORMATION: QCoreApplication.translate("Labels", "Information"),
        InteractionKind.PROPOSAL: QCoreApplication.translate("Labels", "Proposal / new idea"),
        InteractionKind.ANOTHER_MATTER: QCoreApplication.translate("Labels", "Another matter"),
        InteractionKind.PROGRESS_CHECK: QCoreApplication.translate("Labels", "Progress check"),
        InteractionKind.CLOSING: QCoreApplication.translate("Labels", "Closing"),
        InteractionKind.COMPLAINT: QCoreApplication.translate("Labels", "Complaint handling"),
        InteractionKind.OTHER: QCoreApplication.translate("Labels", "Other"),
    }[kind]


def outcome_label(outcome: Outcome) -> str:
    return {
        Outcome.REACHED: QCoreApplication.translate("Labels", "Talked"),
        Outcome.NOT_REACHED: QCoreApplication.translate("Labels", "Not reached"),
        Outcome.LEFT_MESSAGE: QCoreApplication.translate("Labels", "Left a message"),
        Outcome.APPOINTMENT_SET: QCoreApplication.translate("Labels", "Appointment set"),
        Outcome.DECLINED: QCoreApplication.translate("Labels", "Declined"),
        Outcome.OTHER: QCoreApplication.translate("Labels", "Other"),
    }[outcome]


def severity_label(severity: ComplaintSeverity) -> str:
    return {
        ComplaintSeverity.LOW: QCoreApplication.translate("Labels", "Low"),
        ComplaintSeverity.MEDIUM: QCoreApplication.translate("Labels", "Medium"),
        ComplaintSeverity.HIGH: QCoreApplication.translate("Labels", "High"),
    }[severity]


def complaint_status_label(status: ComplaintStatus) -> str:
    return {
        ComplaintStatus.OPEN: QCoreApplication.translate("Labels", "Open"),
        ComplaintStatus.IN_PROGRESS: QCoreApplication.translate("Labels", "In progress"),
        ComplaintStatus.RESOLVED: QCoreApplication.translate("Labels", "Resolved"),
    }[status]


def item_status_label(status: ActionItemStatus) -> str:
    return {
        ActionItemStatus.OPEN: QCoreApplication.translate("Labels", "Open"),
        ActionItemStatus.DONE: QCoreApplication.translate("Labels", "Done"),
        ActionItemStatus.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }[status]


def error_message(field: str, code: str) -> str:
    """The sentence shown under a field for a validation code from the core."""
    if code == validation.REQUIRED:
        if field == "company":
            return QCoreApplication.translate("Labels", "Enter the company name.")
        if field == "name":
            return QCoreApplication.translate("Labels", "Enter the contact's name.")
        if field == "summary":
            return QCoreApplication.translate("Labels", "Write a one-line summary of the call.")
        if field == "next_step_what":
            return QCoreApplication.translate("Labels", "Say what the next step is.")
        if field == "what":
            return QCoreApplication.translate("Labels", "Say what you will do.")
        if field == "title":
            return QCoreApplication.translate("Labels", "Say what the customer owes you.")
        if field == "description":
            return QCoreApplication.translate("Labels", "Describe the problem.")
        if field == "resolution":
            return QCoreApplication.translate(
                "Labels", "Say how the problem was resolved before marking it resolved."
            )
        return QCoreApplication.translate("Labels", "This field is required.")
    if field == "lead_days" and code == validation.OUT_OF_RANGE:
        return QCoreApplication.translate(
            "Labels", "The friendly check can be 0 (none) to 60 days before the deadline."
        )
    return {
        validation.INVALID_EMAIL: QCoreApplication.translate(
            "Labels", "This is not a valid e-mail address (example: name@company.co.jp)."
        ),
        validation.INVALID_PHONE: QCoreApplication.translate(
            "Labels", "A phone number may contain only digits, spaces, +, - and ()."
        ),
        validation.OUT_OF_RANGE: QCoreApplication.translate(
            "Labels", "This value is out of range."
        ),
        validation.NEXT_STEP_MISSING: QCoreApplication.translate(
            "Labels", "Set the next step (when and what), or tick “No next step”."
        ),
        validation.NEXT_STEP_CONFLICT: QCoreApplication.translate(
            "Labels", "Either set a next step or tick “No next step”, not both."
        ),
        validation.NOT_FOUND: QCoreApplication.translate("Labels", "This record no longer exists."),
    }.get(code, QCoreApplication.translate("Labels", "This value is not accepted."))
