"""Alembic environment: SalesDesk passes its own open connection in ``attributes``."""

from __future__ import annotations

import logging.config  # noqa: F401  (frozen bundles need it importable; see build.spec)

from alembic import context
from sqlalchemy import Connection, create_engine

from salesdesk.core.models import Base
from salesdesk.core.schema import managed_by_models

config = context.config
connection = config.attributes.get("connection")


def _run(conn: Connection) -> None:
    context.configure(
        connection=conn,
        target_metadata=Base.metadata,
        include_name=managed_by_models,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # developer use: `alembic -x url=sqlite:///file revision --autogenerate`
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///dev.sqlite3")
    with create_engine(url).connect() as conn:
        _run(conn)
