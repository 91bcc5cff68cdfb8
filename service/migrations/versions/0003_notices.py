"""Draft kinds (reply, notice) and the key that makes a notice unique per order event.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="reply"))
        batch.add_column(sa.Column("notice_key", sa.String(200)))
        batch.create_unique_constraint("uq_drafts_notice_key", ["notice_key"])
        batch.create_index("ix_drafts_kind", ["kind"])


def downgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.drop_index("ix_drafts_kind")
        batch.drop_constraint("uq_drafts_notice_key", type_="unique")
        batch.drop_column("notice_key")
        batch.drop_column("kind")
