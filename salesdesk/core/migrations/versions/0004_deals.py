"""Deals, the closing checklist, open questions, buying signals and outcome history.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

- ``deal``: one per thing being sold to a prospect: title, amount (integer minor units)
  and currency, stage, the current answer (○ won / △ pending / × lost, or none yet) with
  its date, the pending streak, the rep's forecast date and — separately — the customer's
  decision deadline (決断期日), their own goal date and the last date our proposal can
  still help them; the decision steps, competitors, the second and third arrows, and the
  customer's stated reason when lost;
- ``deal_check``: the hand-ticked closing checklist items (tick, note, date), one row per
  item of a deal once touched;
- ``deal_question``: open questions and worries (疑問・不安) with who asked, the answer and
  the date resolved;
- ``deal_signal``: buying signals observed (買いシグナル);
- ``deal_outcome``: every recorded answer (won, pending, lost, no answer yet, reopened) in
  order, so a reopened loss keeps its reason in the history;
- ``prospect.pending_streak``: the longest △ streak among the prospect's open deals,
  denormalised for the list (added with ``op.add_column``: the prospect table is not
  rebuilt, so the search index of revision 0002 and its triggers are untouched).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
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


def _child_table(name: str, *columns: sa.Column[object]) -> None:
    """A table of rows belonging to one deal (deal_id, then ``columns``)."""
    op.create_table(
        name,
        *_sync_columns(),
        sa.Column("deal_id", sa.String(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], name=op.f(f"fk_{name}_deal_id_deal")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )


def upgrade() -> None:
    op.create_table(
        "deal",
        *_sync_columns(),
        sa.Column("prospect_id", sa.String(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=True),
        sa.Column("result_on", sa.Date(), nullable=True),
        sa.Column("pending_streak", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("reached_closing_at", sa.DateTime(), nullable=True),
        sa.Column("forecast_on", sa.Date(), nullable=True),
        sa.Column("decision_deadline", sa.Date(), nullable=True),
        sa.Column("goal_on", sa.Date(), nullable=True),
        sa.Column("last_useful_on", sa.Date(), nullable=True),
        sa.Column("decision_maker", sa.String(length=200), nullable=False),
        sa.Column("decision_steps", sa.Text(), nullable=False),
        sa.Column("collect_first", sa.Text(), nullable=False),
        sa.Column("competitors", sa.Text(), nullable=False),
        sa.Column("second_arrow", sa.Text(), nullable=False),
        sa.Column("third_arrow", sa.Text(), nullable=False),
        sa.Column("loss_category", sa.String(length=32), nullable=True),
        sa.Column("loss_words", sa.Text(), nullable=False),
        sa.Column("loss_said_by", sa.String(length=200), nullable=False),
        sa.Column("loss_said_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["prospect_id"], ["prospect.id"], name=op.f("fk_deal_prospect_id_prospect")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal")),
    )
    op.create_index("ix_deal_prospect", "deal", ["prospect_id", "deleted_at"])
    _child_table(
        "deal_check",
        sa.Column("item", sa.String(length=32), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
    )
    op.create_index("ix_deal_check_deal_item", "deal_check", ["deal_id", "item"])
    _child_table(
        "deal_question",
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("asked_by", sa.String(length=200), nullable=False),
        sa.Column("asked_on", sa.Date(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
    )
    op.create_index("ix_deal_question_deal", "deal_question", ["deal_id"])
    _child_table(
        "deal_signal",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=True),
    )
    op.create_index("ix_deal_signal_deal", "deal_signal", ["deal_id"])
    _child_table(
        "deal_outcome",
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("loss_category", sa.String(length=32), nullable=True),
        sa.Column("loss_words", sa.Text(), nullable=False),
        sa.Column("loss_said_by", sa.String(length=200), nullable=False),
        sa.Column("loss_said_on", sa.Date(), nullable=True),
        sa.Column("follow_up_id", sa.String(length=36), nullable=True),
    )
    op.create_index("ix_deal_outcome_deal_time", "deal_outcome", ["deal_id", "created_at"])
    op.add_column(
        "prospect",
        sa.Column("pending_streak", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    # SQLite's own DROP COLUMN, not a batch rebuild: rebuilding the prospect table would
    # drop the search triggers of revision 0002.
    op.execute("ALTER TABLE prospect DROP COLUMN pending_streak")
    for table, index in (
        ("deal_outcome", "ix_deal_outcome_deal_time"),
        ("deal_signal", "ix_deal_signal_deal"),
        ("deal_question", "ix_deal_question_deal"),
        ("deal_check", "ix_deal_check_deal_item"),
        ("deal", "ix_deal_prospect"),
    ):
        op.drop_index(index, table)
        op.drop_table(table)
