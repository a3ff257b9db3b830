"""Register tests run against SQLite (a temporary file) and PostgreSQL (a scratch schema).

PostgreSQL is never skipped: without ``COURTPACK_TEST_POSTGRES_URL`` its tests fail, saying how
to start the project's cluster (``scripts/postgres.sh start`` prints the URL).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from docassemble.courtpack.register.db import Register

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
AS_AT = dt.date(2026, 1, 10)
PG_MISSING = "PostgreSQL not running: run scripts/postgres.sh start"


def postgres_url() -> str:
    url = os.environ.get("COURTPACK_TEST_POSTGRES_URL", "")
    if not url:
        pytest.fail(f"{PG_MISSING} and set COURTPACK_TEST_POSTGRES_URL to the URL it prints", pytrace=False)
    return url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url


class PostgresSchema:
    """A scratch schema in the test database; the register's URL points its search_path there."""

    def __init__(self) -> None:
        self.base = postgres_url()
        self.name = f"t_{uuid.uuid4().hex[:16]}"
        self.admin = create_engine(self.base, isolation_level="AUTOCOMMIT")
        try:
            with self.admin.connect() as conn:
                conn.execute(text(f'CREATE SCHEMA "{self.name}"'))
        except Exception as err:  # noqa: BLE001
            pytest.fail(f"{PG_MISSING} ({type(err).__name__}: {str(err).splitlines()[0]})", pytrace=False)
        url = make_url(self.base).update_query_dict({"options": f"-csearch_path={self.name}"})
        self.url = url.render_as_string(hide_password=False)

    def drop(self) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE'))
        self.admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "register.db")
        return
    schema = PostgresSchema()
    try:
        yield schema.url
    finally:
        schema.drop()


@pytest.fixture
def db(db_url):
    register = Register(db_url)
    yield register
    register.dispose()


@pytest.fixture
def pg_db():
    """PostgreSQL only (concurrency tests)."""
    schema = PostgresSchema()
    register = Register(schema.url)
    yield register
    register.dispose()
    schema.drop()


@pytest.fixture
def demo_db(db, tmp_path):
    from docassemble.courtpack.register.demo import load_demo

    load_demo(db, EXAMPLES, None, AS_AT)
    return db


def money(text: str) -> Decimal:
    return Decimal(text)


@pytest.fixture(autouse=True)
def acting_officer(monkeypatch):
    """Register changes name who acted; these tests act as one named officer unless they say otherwise."""
    monkeypatch.setenv("COURTPACK_USER", "test officer")
