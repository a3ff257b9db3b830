#!/bin/sh
# A project-local PostgreSQL 15 cluster for the case register (tests, demo, CI).
#
#   scripts/postgres.sh start    create the cluster if missing, start it, create role and database; print the URL
#   scripts/postgres.sh stop     stop exactly this cluster (nothing else)
#   scripts/postgres.sh status   say whether it is running
#   scripts/postgres.sh url      print the URL to use as COURTPACK_DATABASE_URL / COURTPACK_TEST_POSTGRES_URL
#
# Why a private cluster: the register's tests must run against PostgreSQL as well as SQLite, on a
# developer's machine and in CI, without touching a system-wide server. The data directory is
# .run/postgres/data in the repository; it listens on 127.0.0.1:55432 (COURTPACK_PG_PORT) only (TCP, password), with
# its Unix socket inside .run/postgres/sock (peer authentication, for the superuser). Run as root,
# the server runs as the unprivileged `postgres` OS user (PostgreSQL refuses to run as root).
# Every command is idempotent: `start` on a running cluster only prints the URL.
set -eu

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${COURTPACK_PG_PORT:-55432}
HOST=127.0.0.1
ROLE=courtpack
PASSWORD=courtpack
DATABASE=courtpack
URL="postgresql+psycopg://$ROLE:$PASSWORD@$HOST:$PORT/$DATABASE"

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE="$ROOT/.run/postgres"
DATA="$BASE/data"
SOCK="$BASE/sock"
LOG="$BASE/postgres.log"

die() { echo "postgres.sh: $*" >&2; exit 2; }

[ -x "$PG_BIN/pg_ctl" ] || die "PostgreSQL 15 is not installed in $PG_BIN; install it with: apt-get install -y postgresql-15"

if [ "$(id -u)" = 0 ]; then
    RUN_AS=postgres
    id "$RUN_AS" >/dev/null 2>&1 || die "no 'postgres' OS user to run the server as; install postgresql-15 (it creates one)"
    as_owner() { runuser -u "$RUN_AS" -- "$@"; }
else
    RUN_AS=$(id -un)
    as_owner() { "$@"; }
fi

running() { as_owner "$PG_BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1; }

psql_super() {
    as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$PORT" -d postgres "$@"
}

init_cluster() {
    mkdir -p "$BASE"
    if [ "$(id -u)" = 0 ]; then
        # the server user must reach the data directory through the repository's folders
        chown "$RUN_AS" "$BASE"
    fi
    as_owner mkdir -p "$SOCK"
    if [ ! -s "$DATA/PG_VERSION" ]; then
        echo "postgres.sh: creating the cluster in $DATA" >&2
        as_owner "$PG_BIN/initdb" -D "$DATA" -U "$RUN_AS" --encoding=UTF8 --locale=C \
            --auth-local=peer --auth-host=scram-sha-256 >"$BASE/initdb.log" 2>&1 \
            || die "initdb failed; see $BASE/initdb.log"
    fi
}

start() {
    init_cluster
    if ! running; then
        if command -v ss >/dev/null 2>&1 && ss -ltn "sport = :$PORT" 2>/dev/null | grep -q LISTEN; then
            die "port $PORT is in use by another program; stop it first (this script only manages $DATA)"
        fi
        as_owner "$PG_BIN/pg_ctl" start -D "$DATA" -l "$LOG" -w -t 60 \
            -o "-c listen_addresses=$HOST -p $PORT -c unix_socket_directories=$SOCK" >/dev/null \
            || die "the server did not start; see $LOG"
    fi
    psql_super -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'" | grep -q 1 \
        || psql_super -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'"
    psql_super -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" | grep -q 1 \
        || psql_super -c "CREATE DATABASE $DATABASE OWNER $ROLE"
    # tests create and drop scratch databases of their own
    psql_super -c "ALTER ROLE $ROLE CREATEDB" >/dev/null
    echo "$URL"
}

stop() {
    if [ -s "$DATA/PG_VERSION" ] && running; then
        as_owner "$PG_BIN/pg_ctl" stop -D "$DATA" -m fast -w >/dev/null
        echo "postgres.sh: stopped the cluster in $DATA" >&2
    else
        echo "postgres.sh: not running" >&2
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status)
        if [ -s "$DATA/PG_VERSION" ] && running; then echo "running: $URL"; else echo "not running"; exit 3; fi ;;
    url) echo "$URL" ;;
    *) echo "usage: scripts/postgres.sh start|stop|status|url" >&2; exit 2 ;;
esac
