"""Search index: names-only search text and an FTS5 trigram index over the search text.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

The FTS table is keyed by the prospect's rowid and kept in step by triggers. A later
revision that rebuilds the prospect table (batch mode) drops those triggers and may
renumber rowids: it must recreate the triggers and repopulate prospect_fts.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from salesdesk.core.text import search_blob

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TRIGGERS = (
    """CREATE TRIGGER prospect_fts_insert AFTER INSERT ON prospect BEGIN
        INSERT INTO prospect_fts(rowid, text) VALUES (new.rowid, new.search_text);
    END""",
    """CREATE TRIGGER prospect_fts_update AFTER UPDATE OF search_text ON prospect BEGIN
        UPDATE prospect_fts SET text = new.search_text WHERE rowid = new.rowid;
    END""",
    """CREATE TRIGGER prospect_fts_delete AFTER DELETE ON prospect BEGIN
        DELETE FROM prospect_fts WHERE rowid = old.rowid;
    END""",
)


def upgrade() -> None:
    op.add_column(
        "prospect", sa.Column("search_names", sa.Text(), nullable=False, server_default="")
    )
    op.execute("CREATE VIRTUAL TABLE prospect_fts USING fts5(text, tokenize='trigram')")
    for ddl in TRIGGERS:
        op.execute(ddl)
    conn = op.get_bind()
    names: dict[str, list[str]] = {}
    for pid, company, kana in conn.execute(
        sa.text("SELECT id, company, company_kana FROM prospect")
    ):
        names[pid] = [company, kana]
    for pid, name, kana in conn.execute(
        sa.text("SELECT prospect_id, name, name_kana FROM contact WHERE deleted_at IS NULL")
    ):
        names.setdefault(pid, []).extend([name, kana])
    if names:
        conn.execute(
            sa.text("UPDATE prospect SET search_names = :names WHERE id = :id"),
            [{"id": pid, "names": search_blob(parts)} for pid, parts in names.items()],
        )
    op.execute("INSERT INTO prospect_fts(rowid, text) SELECT rowid, search_text FROM prospect")


def downgrade() -> None:
    for name in ("prospect_fts_insert", "prospect_fts_update", "prospect_fts_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS prospect_fts")
    with op.batch_alter_table("prospect") as batch:
        batch.drop_column("search_names")
