"""Search indexes: FTS5 over the search text (trigrams) and over the names (characters).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

- ``prospect.search_names``: the normalised names and readings, one character per token;
- ``prospect_fts``: trigram index of ``search_text`` (terms of three or more characters);
- ``prospect_names_fts``: ``unicode61`` index of ``search_names`` (one or two characters);
- ``prospect.sort_key``: the reading folded like the search text, so hiragana, katakana
  and half-width readings sort together; the list's default order is a covering index
  on it.

Both FTS tables are keyed by the prospect's rowid and kept in step by triggers. A later
revision that rebuilds the prospect table (batch mode) drops the triggers and may
renumber rowids: it must recreate the triggers and repopulate both tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from salesdesk.core.text import prospect_search_texts

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TRIGGERS = (
    """CREATE TRIGGER prospect_search_insert AFTER INSERT ON prospect BEGIN
        INSERT INTO prospect_fts(rowid, text) VALUES (new.rowid, new.search_text);
        INSERT INTO prospect_names_fts(rowid, names) VALUES (new.rowid, new.search_names);
    END""",
    """CREATE TRIGGER prospect_search_update AFTER UPDATE OF search_text, search_names
        ON prospect BEGIN
        UPDATE prospect_fts SET text = new.search_text WHERE rowid = new.rowid;
        UPDATE prospect_names_fts SET names = new.search_names WHERE rowid = new.rowid;
    END""",
    """CREATE TRIGGER prospect_search_delete AFTER DELETE ON prospect BEGIN
        DELETE FROM prospect_fts WHERE rowid = old.rowid;
        DELETE FROM prospect_names_fts WHERE rowid = old.rowid;
    END""",
)


def upgrade() -> None:
    op.add_column(
        "prospect", sa.Column("search_names", sa.Text(), nullable=False, server_default="")
    )
    op.add_column("prospect", sa.Column("sort_key", sa.Text(), nullable=False, server_default=""))
    op.drop_index("ix_prospect_live_kana", table_name="prospect")
    op.create_index("ix_prospect_live_order", "prospect", ["deleted_at", "sort_key", "company"])
    op.execute("CREATE VIRTUAL TABLE prospect_fts USING fts5(text, tokenize='trigram')")
    op.execute(
        "CREATE VIRTUAL TABLE prospect_names_fts USING fts5("
        "names, tokenize='unicode61 remove_diacritics 0')"
    )
    conn = op.get_bind()
    prospects: dict[str, tuple[str, str, str, str, list[tuple[str, str, str, str]]]] = {
        pid: (company, kana, phone, email, [])
        for pid, company, kana, phone, email in conn.execute(
            sa.text("SELECT id, company, company_kana, phone, email FROM prospect")
        )
    }
    for pid, name, kana, phone, email in conn.execute(
        sa.text(
            "SELECT prospect_id, name, name_kana, phone, email FROM contact"
            " WHERE deleted_at IS NULL ORDER BY created_at"
        )
    ):
        if pid in prospects:
            prospects[pid][4].append((name, kana, phone, email))
    updates = []
    for pid, (company, kana, phone, email, contacts) in prospects.items():
        text, names = prospect_search_texts(company, kana, phone, email, contacts)
        updates.append({"id": pid, "text": text, "names": names})
    if updates:
        conn.execute(
            sa.text(
                "UPDATE prospect SET search_text = :text, search_names = :names WHERE id = :id"
            ),
            updates,
        )
    op.execute("INSERT INTO prospect_fts(rowid, text) SELECT rowid, search_text FROM prospect")
    op.execute(
        "INSERT INTO prospect_names_fts(rowid, names) SELECT rowid, search_names FROM prospect"
    )
    for ddl in TRIGGERS:
        op.execute(ddl)


def downgrade() -> None:
    for name in ("prospect_search_insert", "prospect_search_update", "prospect_search_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS prospect_names_fts")
    op.execute("DROP TABLE IF EXISTS prospect_fts")
    op.drop_index("ix_prospect_live_order", table_name="prospect")
    op.create_index("ix_prospect_live_kana", "prospect", ["deleted_at", "company_kana"])
    with op.batch_alter_table("prospect") as batch:
        batch.drop_column("sort_key")
        batch.drop_column("search_names")
