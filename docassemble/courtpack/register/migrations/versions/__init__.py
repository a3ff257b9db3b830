"""Alembic revision scripts (one file per schema change; Alembic skips this file)."""
