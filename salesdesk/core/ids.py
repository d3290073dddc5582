"""Client-side primary keys."""

from __future__ import annotations

import uuid


def new_id() -> str:
    """A new client-side primary key (canonical UUID4 text)."""
    return str(uuid.uuid4())
