"""exhibit marks: each witness's statements in a case and the exhibit numbers they use

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Puts the ORM class in Base.metadata wherever migrations run (see 0003).
import docassemble.courtpack.register.exhibit_models  # noqa: F401

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exhibit_marks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_reference", sa.String(length=40), nullable=False),
        sa.Column("witness", sa.String(length=200), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("first_exhibit", sa.Integer(), nullable=False),
        sa.Column("exhibits", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("statement_date", sa.Date(), nullable=True),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("descriptions", sa.Text(), nullable=False),
        sa.Column("reserved_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exhibit_marks")),
        sa.UniqueConstraint("case_reference", "witness", "number", name="uq_exhibit_marks_statement"),
    )


def downgrade() -> None:
    op.drop_table("exhibit_marks")
