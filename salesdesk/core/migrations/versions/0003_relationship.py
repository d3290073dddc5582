"""Relationship strength: dated assessments of the six dimensions and need awareness.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

- ``relationship_assessment``: one row per assessment the rep saves (never overwritten,
  so the history stays), the six dimension scores and need awareness (0–5 each), a note;
- ``prospect.assessed_at`` / ``prospect.weakest``: denormalised from the latest
  assessment, beside the existing ``prospect.strength`` (the total, 0–30), so the list
  can filter on them without a join;
- ``interaction.appointment_requested``: the rep asked for an appointment in this call
  (with its outcome, the data behind "appointment success rate by strength").

Columns are added with ``op.add_column`` only: the prospect table is not rebuilt, so the
search index (revision 0002) and its triggers are untouched.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SCORES = (
    "business",
    "empathy",
    "contribution",
    "multi_contact",
    "key_contact",
    "voluntary",
    "need_awareness",
)


def upgrade() -> None:
    op.create_table(
        "relationship_assessment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("prospect_id", sa.String(), nullable=False),
        sa.Column("assessed_at", sa.DateTime(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in SCORES),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["prospect_id"],
            ["prospect.id"],
            name=op.f("fk_relationship_assessment_prospect_id_prospect"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relationship_assessment")),
    )
    op.create_index(
        "ix_relationship_assessment_prospect_time",
        "relationship_assessment",
        ["prospect_id", "assessed_at"],
    )
    op.add_column("prospect", sa.Column("assessed_at", sa.DateTime(), nullable=True))
    op.add_column("prospect", sa.Column("weakest", sa.String(length=32), nullable=True))
    op.add_column(
        "interaction",
        sa.Column("appointment_requested", sa.Boolean(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+), not a batch rebuild: rebuilding the prospect
    # table would drop the search triggers of revision 0002.
    op.execute("ALTER TABLE interaction DROP COLUMN appointment_requested")
    op.execute("ALTER TABLE prospect DROP COLUMN weakest")
    op.execute("ALTER TABLE prospect DROP COLUMN assessed_at")
    op.drop_index("ix_relationship_assessment_prospect_time", "relationship_assessment")
    op.drop_table("relationship_assessment")
