"""Opening the register: the database URL, migrations, and transactions.

Why one handle (``Register``): every command and interview call opens the register the same way —
``COURTPACK_DATABASE_URL`` or ``--db`` (a URL, or a path to a SQLite file), default
``./courtpack.db`` — brings its schema up to date with Alembic (so ``courtpack register`` on a new
file or an old one just works), and changes it only inside ``transaction()``: all of a change or
none of it, with the officer's name on every audit entry, and a lost race between two officers
reported as ``ConcurrentUpdateError`` rather than a silent overwrite.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DataError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from . import audit
from .errors import ConcurrentUpdateError, RegisterError

ENV_URL = "COURTPACK_DATABASE_URL"
ENV_USER = "COURTPACK_USER"
DEFAULT_FILE = "courtpack.db"
MIGRATIONS = Path(__file__).with_name("migrations")


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from ``--db``, the environment, or the default SQLite file.

    A value without ``://`` is a file path (``./cases.db``); ``postgresql://`` means psycopg 3.
    """
    value = str(db) if db else os.environ.get(ENV_URL, "") or DEFAULT_FILE
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith(("postgresql://", "postgres://")):
        value = "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


class DuplicateRecordError(RegisterError):
    """A record with the same identity was added meanwhile (a lost race on a unique key)."""


def resolve_actor(who: str | None) -> str:
    """Who is acting, for the audit log: the name given (``--as``), else ``COURTPACK_USER``, else refused.

    Never the operating-system login: on a shared server or a scheduled job that names the
    service account, not the officer, and an audit log that says "root" proves nothing.
    """
    name = (who or os.environ.get(ENV_USER) or "").strip()
    if not name:
        raise RegisterError(
            f"the register records who made each change: give your name with --as NAME (or set {ENV_USER}=NAME)"
        )
    if len(name) > 100 or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise RegisterError(
            f"{name[:40]!r} cannot be recorded as who acted; give a plain name or email of at most 100 characters"
        )
    return name


class Register:
    """An open register: engine, sessions, and the migrated schema."""

    def __init__(self, db: str | os.PathLike[str] | None = None, migrate: bool = True) -> None:
        self.url = resolve_url(db)
        try:
            url = make_url(self.url)
        except ArgumentError:
            raise RegisterError(
                f"{self.url!r} is not a database URL; give a file path such as ./courtpack.db or "
                "postgresql+psycopg://user:password@host:5432/name"
            ) from None
        self.dialect = url.get_backend_name()
        self.engine = _engine(url)
        self._sessions = sessionmaker(self.engine, class_=audit.AuditedSession, expire_on_commit=False)
        if migrate:
            upgrade(self.engine)

    def session(self, who: str | None = None) -> Session:
        """A new session; prefer ``transaction()``. ``who`` names who acts, else the configured user
        (``COURTPACK_USER``); with neither it may only read (the audit refuses a change)."""
        session = self._sessions()
        session.info["who"] = resolve_actor(who) if who or os.environ.get(ENV_USER) else None
        return session

    @contextlib.contextmanager
    def transaction(self, who: str | None = None) -> Iterator[Session]:
        """All of a change or none of it. Translates lost races into ``ConcurrentUpdateError``."""
        session = self.session(who)
        try:
            with translate_errors():
                yield session
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.dispose()


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    try:
        yield
    except StaleDataError as err:
        text = str(err)
        what = "this record"
        for table in ("cases", "orders", "directions", "charging_orders", "hearings"):
            if f"'{table}'" in text:
                what = {
                    "cases": "The case",
                    "orders": "The order",
                    "directions": "The direction",
                    "charging_orders": "The charging order",
                    "hearings": "The hearing",
                }[table]
        raise ConcurrentUpdateError(what) from None
    except OperationalError as err:
        if "database is locked" in str(err):
            raise ConcurrentUpdateError("The register") from None
        raise
    except DataError:
        raise RegisterError(
            "a value does not fit the register (too long, or a character it cannot store); "
            "nothing was saved — shorten or correct it and try again"
        ) from None
    except IntegrityError as err:
        text = str(err.orig).lower()
        if "unique" in text or "duplicate" in text:
            raise DuplicateRecordError(
                "the same record was added by someone else a moment ago; nothing you "
                "entered was saved — reload the case and check it"
            ) from None
        raise RegisterError(
            "the change does not fit what is already in the register (a linked record is "
            "missing or in use); nothing was saved — reload the case and check it"
        ) from None


def open_register(db: Register | str | os.PathLike[str] | None = None) -> Register:
    """Accept an open ``Register``, a URL, a file path, or None (environment / default)."""
    return db if isinstance(db, Register) else Register(db)


@contextlib.contextmanager
def session_for(db: Register | Session | str | os.PathLike[str] | None, who: str | None = None) -> Iterator[Session]:
    """A session to work in: the caller's own (they commit), or a new transaction on ``db``."""
    if isinstance(db, Session):
        if who:
            db.info["who"] = resolve_actor(who)
        with translate_errors():
            yield db
        return
    register = open_register(db)
    try:
        with register.transaction(who) as session:
            yield session
    finally:
        if register is not db:
            register.dispose()


def _engine(url) -> Engine:
    if url.get_backend_name() == "sqlite":
        path = url.database
        if path and path != ":memory:":
            folder = Path(path).parent
            if not folder.is_dir():
                raise RegisterError(
                    f"{folder}: no such folder for the register database; create it or give another --db path"
                )
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    if url.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    raise RegisterError(
        f"{url.get_backend_name()} databases are not supported; use SQLite (a file path) "
        "or PostgreSQL (postgresql+psycopg://...)"
    )


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (Alembic, run in-process)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    try:
        with engine.connect() as connection:
            if MigrationContext.configure(connection).get_current_revision() == head:
                return
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":  # two processes starting at once migrate one at a time
                connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7419250)")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as err:
        reason = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
        raise RegisterError(
            f"cannot open the register database {engine.url.render_as_string()}: {reason}; "
            "check the --db / COURTPACK_DATABASE_URL setting (for the project's PostgreSQL, "
            "run scripts/postgres.sh start)"
        ) from None
