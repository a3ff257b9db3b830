"""The report, the write-off candidates and approval on PostgreSQL (dates and months are computed in SQL,
which PostgreSQL spells differently from SQLite). Never skipped: without the database it fails, saying how
to start it."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.reporting import generate_caseload, performance_report
from docassemble.courtpack.register.writeoff import approve, candidates
from docassemble.courtpack.register.writeoff_policy import grant_authority

from .conftest import AS_AT, JANUARY, add_case

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_register():
    url = os.environ.get("COURTPACK_TEST_POSTGRES_URL", "")
    if not url:
        pytest.fail(
            "PostgreSQL not running: run scripts/postgres.sh start and set COURTPACK_TEST_POSTGRES_URL", pytrace=False
        )
    url = url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    register = Register(scoped.render_as_string(hide_password=False))
    yield register
    register.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def test_report_and_write_off_on_postgres(pg_register):
    with pg_register.transaction("t") as s:
        generate_caseload(s, 300, AS_AT)
        add_case(s, "PG-SMALL", "30.00", dt.date(2025, 6, 2))
    report = performance_report(pg_register, *JANUARY)
    with pg_register.engine.connect() as conn:
        total = conn.execute(
            text("SELECT SUM(amount) FROM payments WHERE paid_on BETWEEN '2026-01-01' AND '2026-01-31'")
        ).scalar()
        referred = conn.execute(
            text("SELECT COUNT(*) FROM cases WHERE CAST(created_at AS DATE) BETWEEN '2026-01-01' AND '2026-01-31'")
        ).scalar()
    money = {r[0]: r[1] for r in report.tables["Money"].rows}
    assert money["collected"] == Decimal(total).quantize(Decimal("0.01"))
    assert {r[0]: r[1] for r in report.tables["Flow"].rows}["new referrals"] == referred
    assert report.tables["Collections by month"].rows[0][0] == dt.date(2026, 1, 1)
    found = {c.reference: (c.reason, c.authority) for c in candidates(pg_register, AS_AT)}
    assert found["PG-SMALL"] == ("uneconomic", "officer")  # £30 < £50; £30 <= £100
    grant_authority(pg_register, "olu", "officer")
    approve(pg_register, "PG-SMALL", "olu", AS_AT)
    after = performance_report(pg_register, dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert {r[0]: r[2] for r in after.tables["Caseload"].rows}["closed: written off"] == 1
