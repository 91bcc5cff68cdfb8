"""Ozon connection: inbox, chats, postings, outbox, send attempts; drafts learn their channel.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("drafts", sa.Column("channel", sa.String(16), nullable=False, server_default="api"))
    op.add_column("drafts", sa.Column("chat_type", sa.String(64)))
    op.create_table(
        "ozon_inbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.String(64), nullable=False, unique=True),
        sa.Column("chat_id", sa.String(128), nullable=False),
        sa.Column("chat_type", sa.String(64), nullable=False),
        sa.Column("user_type", sa.String(32), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("order_number", sa.String(64)),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("lease_until", TS),
        sa.Column("draft_id", sa.String(36)),
        sa.Column("error", sa.Text),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("received_at", TS, nullable=False),
    )
    op.create_index("ix_ozon_inbox_chat_id", "ozon_inbox", ["chat_id"])
    op.create_index("ix_ozon_inbox_status", "ozon_inbox", ["status"])
    op.create_table(
        "ozon_chats",
        sa.Column("chat_id", sa.String(128), primary_key=True),
        sa.Column("chat_type", sa.String(64), nullable=False),
        sa.Column("order_number", sa.String(64)),
        sa.Column("last_buyer_message_at", TS),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "ozon_postings",
        sa.Column("posting_number", sa.String(64), primary_key=True),
        sa.Column("scheme", sa.String(8), nullable=False),
        sa.Column("state", sa.String(64)),
        sa.Column("delivered_at", TS),
        sa.Column("last_event", sa.JSON, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "ozon_outbox",
        sa.Column("draft_id", sa.String(36), sa.ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("chat_id", sa.String(128), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", TS, nullable=False),
        sa.Column("lease_until", TS),
        sa.Column("claimed_by", sa.String(64)),
        sa.Column("verify_first", sa.Boolean, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("sent_at", TS),
        sa.Column("read_at", TS),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_index("ix_ozon_outbox_status", "ozon_outbox", ["status"])
    op.create_index("ix_ozon_outbox_next_attempt_at", "ozon_outbox", ["next_attempt_at"])
    op.create_table(
        "ozon_send_attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("draft_id", sa.String(36), sa.ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("attempt", sa.Integer, nullable=False),
        sa.Column("worker", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("http_status", sa.Integer),
        sa.Column("error", sa.Text),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS),
    )
    op.create_index("ix_ozon_send_attempts_draft_id", "ozon_send_attempts", ["draft_id"])


def downgrade() -> None:
    for table in ("ozon_send_attempts", "ozon_outbox", "ozon_postings", "ozon_chats", "ozon_inbox"):
        op.drop_table(table)
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("chat_type")
        batch.drop_column("channel")
