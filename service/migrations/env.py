"""Alembic environment: runs on the connection that ``service.storage.database.migrate`` passes."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from service.storage import channel_tables  # noqa: F401  (registers the Ozon tables)
from service.storage.tables import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # plain `alembic` CLI use: take the URL from settings
    from service.config import get_settings

    engine = create_engine(get_settings().database_url)
    with engine.begin() as own_connection:
        context.configure(connection=own_connection, target_metadata=Base.metadata)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
