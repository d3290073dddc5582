"""Initial schema: prospects, contacts, interactions, follow-ups and app metadata.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "prospect",
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("company_kana", sa.String(length=200), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "lead",
                "approach",
                "appointment",
                "hearing",
                "proposal",
                "closing",
                "customer",
                "dormant",
                name="stage",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("is_customer", sa.Boolean(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("strength", sa.Integer(), nullable=True),
        sa.Column("last_contact_at", sa.DateTime(), nullable=True),
        sa.Column("next_follow_up_at", sa.DateTime(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prospect")),
    )
    with op.batch_alter_table("prospect", schema=None) as batch_op:
        batch_op.create_index("ix_prospect_last_contact", ["last_contact_at"], unique=False)
        batch_op.create_index("ix_prospect_live_kana", ["deleted_at", "company_kana"], unique=False)
        batch_op.create_index("ix_prospect_next_follow_up", ["next_follow_up_at"], unique=False)

    op.create_table(
        "contact",
        sa.Column("prospect_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("name_kana", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("department", sa.String(length=120), nullable=False),
        sa.Column("is_decision_maker", sa.Boolean(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["prospect_id"], ["prospect.id"], name=op.f("fk_contact_prospect_id_prospect")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_prospect_id"), ["prospect_id"], unique=False)

    op.create_table(
        "interaction",
        sa.Column("prospect_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "phone", "visit", "online", "email", name="channel", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum(
                "labour",
                "goodwill",
                "information",
                "proposal",
                "another_matter",
                "progress_check",
                "closing",
                "complaint",
                "other",
                name="interactionkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "outcome",
            sa.Enum(
                "reached",
                "not_reached",
                "left_message",
                "appointment_set",
                "declined",
                "other",
                name="outcome",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=True),
        sa.Column("small_yes", sa.Boolean(), nullable=False),
        sa.Column("customer_initiated", sa.Boolean(), nullable=False),
        sa.Column("no_next_step", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name=op.f("fk_interaction_contact_id_contact")
        ),
        sa.ForeignKeyConstraint(
            ["prospect_id"], ["prospect.id"], name=op.f("fk_interaction_prospect_id_prospect")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction")),
    )
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interaction_prospect_time", ["prospect_id", "occurred_at"], unique=False
        )

    op.create_table(
        "follow_up",
        sa.Column("prospect_id", sa.String(length=36), nullable=False),
        sa.Column("interaction_id", sa.String(length=36), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "labour",
                "goodwill",
                "information",
                "proposal",
                "another_matter",
                "progress_check",
                "closing",
                "complaint",
                "other",
                name="interactionkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "open", "done", "cancelled", name="followupstatus", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("notified_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
            name=op.f("fk_follow_up_interaction_id_interaction"),
        ),
        sa.ForeignKeyConstraint(
            ["prospect_id"], ["prospect.id"], name=op.f("fk_follow_up_prospect_id_prospect")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(
            "ix_follow_up_prospect_status", ["prospect_id", "status"], unique=False
        )
        batch_op.create_index("ix_follow_up_status_due", ["status", "due_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_status_due")
        batch_op.drop_index("ix_follow_up_prospect_status")

    op.drop_table("follow_up")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_prospect_time")

    op.drop_table("interaction")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_prospect_id"))

    op.drop_table("contact")
    with op.batch_alter_table("prospect", schema=None) as batch_op:
        batch_op.drop_index("ix_prospect_next_follow_up")
        batch_op.drop_index("ix_prospect_live_kana")
        batch_op.drop_index("ix_prospect_last_contact")

    op.drop_table("prospect")
    op.drop_table("app_meta")
