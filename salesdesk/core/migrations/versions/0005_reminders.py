"""Customer action items, complaints, snoozed follow-ups and the reminders already shown.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

- ``customer_action_item``: what the customer owes (DOMAIN.md §4): title, the consequence of
  a delay, due moment (UTC), lead time in days for the friendly pre-deadline check, status
  (open / done / cancelled), an optional contact and deal, and a snooze;
- ``complaint``: problems after the sale (§5): opened, description, severity, status,
  resolution, resolved, an optional contact and deal, and a snooze;
- ``follow_up.snoozed_until``: a snoozed reminder of a follow-up (its due time is kept);
- ``reminder_log``: each reminder moment shown, keyed by source, row, moment and time, so a
  reminder is shown once — not again after a restart or a clock change. It describes this
  laptop's notifications, not the rep's data, so it carries no sync columns.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def _owner_columns(table: str) -> list[sa.Column[object] | sa.ForeignKeyConstraint]:
    """prospect_id, contact_id and deal_id with their foreign keys."""
    return [
        sa.Column("prospect_id", sa.String(), nullable=False),
        sa.Column("contact_id", sa.String(), nullable=True),
        sa.Column("deal_id", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["prospect_id"], ["prospect.id"], name=op.f(f"fk_{table}_prospect_id_prospect")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name=op.f(f"fk_{table}_contact_id_contact")
        ),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], name=op.f(f"fk_{table}_deal_id_deal")),
    ]


def upgrade() -> None:
    op.create_table(
        "customer_action_item",
        *_sync_columns(),
        *_owner_columns("customer_action_item"),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("consequence", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("lead_days", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("snoozed_until", sa.DateTime(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_action_item")),
    )
    op.create_index(
        "ix_customer_action_item_prospect", "customer_action_item", ["prospect_id", "deleted_at"]
    )
    op.create_index(
        "ix_customer_action_item_status_due", "customer_action_item", ["status", "due_at"]
    )
    op.create_table(
        "complaint",
        *_sync_columns(),
        *_owner_columns("complaint"),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("severity", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("snoozed_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint")),
    )
    op.create_index("ix_complaint_prospect", "complaint", ["prospect_id", "deleted_at"])
    op.create_index("ix_complaint_status", "complaint", ["status"])
    op.create_table(
        "reminder_log",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("moment", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("shown_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_reminder_log")),
    )
    op.create_index("ix_reminder_log_source", "reminder_log", ["source_id"])
    op.add_column("follow_up", sa.Column("snoozed_until", sa.DateTime(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE follow_up DROP COLUMN snoozed_until")
    for table, indexes in (
        ("reminder_log", ("ix_reminder_log_source",)),
        ("complaint", ("ix_complaint_status", "ix_complaint_prospect")),
        (
            "customer_action_item",
            ("ix_customer_action_item_status_due", "ix_customer_action_item_prospect"),
        ),
    ):
        for index in indexes:
            op.drop_index(index, table)
        op.drop_table(table)
