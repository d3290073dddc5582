"""Field checks shared by the window, the CLI and imports.

Checks return error *codes* per field; the UI turns each code into a translated
message shown at the field, so core stays free of user-facing text.
"""

from __future__ import annotations

import re

from salesdesk.core.text import clean_contact_value

REQUIRED = "required"
INVALID_EMAIL = "invalid_email"
INVALID_PHONE = "invalid_phone"
OUT_OF_RANGE = "out_of_range"
NEXT_STEP_MISSING = "next_step_missing"
NEXT_STEP_CONFLICT = "next_step_conflict"
UNKNOWN_CHOICE = "unknown_choice"
NOT_FOUND = "not_found"

_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_PHONE_ALLOWED = re.compile(r"^[0-9+\-()\s.#]*$")


class ValidationError(Exception):
    """One or more fields are not acceptable; ``errors`` maps field name to code."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(", ".join(f"{k}: {v}" for k, v in self.errors.items()))


class NotFoundError(Exception):
    """No live record with the given id (or id prefix)."""


def check_required(value: str) -> str | None:
    return REQUIRED if not value.strip() else None


def check_email(value: str) -> str | None:
    """Empty is fine; otherwise it must look like name@domain.tld."""
    value = value.strip()
    if value and not _EMAIL.match(clean_contact_value(value)):
        return INVALID_EMAIL
    return None


def check_phone(value: str) -> str | None:
    """Empty is fine; otherwise digits and the usual separators only (full width accepted)."""
    value = clean_contact_value(value)
    if not value:
        return None
    if not _PHONE_ALLOWED.match(value) or not any(c.isdigit() for c in value):
        return INVALID_PHONE
    return None


def collect(checks: dict[str, str | None]) -> None:
    """Raise :class:`ValidationError` for every field whose check returned a code."""
    errors = {name: code for name, code in checks.items() if code}
    if errors:
        raise ValidationError(errors)
