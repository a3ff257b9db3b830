"""Alembic migrations for the register (run in-process by ``db.upgrade``)."""
