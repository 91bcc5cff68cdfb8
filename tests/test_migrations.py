"""Schema upgrades keep every stored draft: a database from before notices gains kinds, nothing lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text

from service.storage.database import MIGRATIONS_DIR, make_engine, migrate


def test_upgrade_from_0001_keeps_drafts_as_replies(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC).isoformat()
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO drafts (id, chat_id, message_id, message, order_data, status, text, parts, sources,"
                " compliance, drafter, meta, received_at, due_at, created_at, updated_at)"
                " VALUES ('d1', 'c', 'm', 'Где заказ?', '{}', 'pending_review', 'Здравствуйте!', '{}', '[]',"
                " '{\"allowed\": true, \"violations\": []}', 'offline', '{}', :now, :now, :now, :now)"
            ),
            {"now": now},
        )
    migrate(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT kind, notice_key FROM drafts WHERE id = 'd1'")).one() == ("reply", None)
    columns = {column["name"] for column in inspect(engine).get_columns("drafts")}
    assert {"kind", "notice_key"} <= columns
    engine.dispose()
