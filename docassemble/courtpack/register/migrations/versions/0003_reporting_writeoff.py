"""reporting and write-off: collection targets, indicator thresholds, teams, costs, trace attempts,
debtor facts, write-off policy, delegated authority and write-offs

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# The ORM classes for these tables live in reporting_models (models.py belongs to the case register);
# importing it here puts them in Base.metadata wherever migrations run, so that the models and the
# migrated schema are always compared whole.
import docassemble.courtpack.register.reporting_models  # noqa: F401

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delegated_authorities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=30), nullable=False),
        sa.Column("granted_by", sa.String(length=200), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegated_authorities")),
        sa.UniqueConstraint("user", name=op.f("uq_delegated_authorities_user")),
    )
    op.create_table(
        "report_collection_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debt_type", sa.String(length=40), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("monthly_amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_collection_targets")),
        sa.UniqueConstraint("debt_type", "team", "effective_from", name="uq_report_collection_targets_key"),
    )
    op.create_table(
        "report_indicator_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("target", sa.Numeric(precision=7, scale=2), nullable=False),
        sa.Column("amber", sa.Numeric(precision=7, scale=2), nullable=False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_indicator_targets")),
        sa.UniqueConstraint("code", "effective_from", name="uq_report_indicator_targets_key"),
    )
    op.create_table(
        "report_team_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("officer_name", sa.String(length=200), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_team_members")),
        sa.UniqueConstraint("officer_name", name=op.f("uq_report_team_members_officer_name")),
    )
    with op.batch_alter_table("report_team_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_team_members_team"), ["team"], unique=False)

    op.create_table(
        "writeoff_policies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_writeoff_policies")),
        sa.UniqueConstraint("effective_from", name=op.f("uq_writeoff_policies_effective_from")),
    )
    op.create_table(
        "debtor_facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("fact_on", sa.Date(), nullable=False),
        sa.Column("estate", sa.String(length=10), nullable=False),
        sa.Column("proof_of_debt", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_debtor_facts_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_debtor_facts")),
    )
    with op.batch_alter_table("debtor_facts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_debtor_facts_case_id"), ["case_id"], unique=False)

    op.create_table(
        "report_cost_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_report_cost_entries_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_cost_entries")),
    )
    with op.batch_alter_table("report_cost_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_cost_entries_case_id"), ["case_id"], unique=False)

    op.create_table(
        "trace_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("tried_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=30), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("new_address", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_trace_attempts_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trace_attempts")),
    )
    with op.batch_alter_table("trace_attempts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trace_attempts_case_id"), ["case_id"], unique=False)

    op.create_table(
        "writeoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("authority", sa.String(length=30), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reversed_by", sa.String(length=200), nullable=False),
        sa.Column("reversed_on", sa.Date(), nullable=True),
        sa.Column("reversal_reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_writeoffs_case_id_cases"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_writeoffs")),
    )
    with op.batch_alter_table("writeoffs", schema=None) as batch_op:
        batch_op.create_index("ix_writeoffs_case_status", ["case_id", "status"], unique=False)


def downgrade() -> None:
    for table in (
        "writeoffs",
        "trace_attempts",
        "report_cost_entries",
        "debtor_facts",
        "writeoff_policies",
        "report_team_members",
        "report_indicator_targets",
        "report_collection_targets",
        "delegated_authorities",
    ):
        op.drop_table(table)
