"""Drafts and their history, in SQLite by default, through SQLAlchemy 2 and Alembic."""
