#!/usr/bin/env bash
# courtpack's local docassemble server: PostgreSQL, Redis, the web app (uwsgi) and the
# background worker (Celery), all on 127.0.0.1, all state under .run/server/.
#
#   scripts/server.sh start     install what is missing, then start everything; prints the address and logins
#   scripts/server.sh stop      stop exactly what `start` started (pid files), nothing else
#   scripts/server.sh restart   stop, then start
#   scripts/server.sh reload    reinstall courtpack from the working tree; graceful reload of web app and worker
#   scripts/server.sh status    say what is running (exit 3 if the web app is not)
#   scripts/server.sh deps [--e2e]   only install the Debian and Python packages (--e2e: also chromium)
#   scripts/server.sh logs      the tail of every log
#
# Why no Docker here: production runs the official docassemble image (docs/deploy.md); this is the
# same docassemble.webapp, pinned with docassemble.base, in the project's .venv, so an interview
# edited in the checkout can be tried in a browser with `make serve` in seconds.
# `start` on a running server does nothing but print the address. Everything is idempotent.
#
# Ports (override with the environment): web COURTPACK_SERVER_PORT=58080, PostgreSQL
# COURTPACK_SERVER_PG_PORT=55433 (a cluster of its own; scripts/postgres.sh's test cluster is 55432),
# Redis COURTPACK_SERVER_REDIS_PORT=56379 (an instance of its own, not Debian's service on 6379).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN=${COURTPACK_SERVER_RUN:-$ROOT/.run/server}
VENV=${COURTPACK_SERVER_VENV:-$ROOT/.venv}
PY=$VENV/bin/python
HOST=127.0.0.1
PORT=${COURTPACK_SERVER_PORT:-58080}
PG_PORT=${COURTPACK_SERVER_PG_PORT:-55433}
REDIS_PORT=${COURTPACK_SERVER_REDIS_PORT:-56379}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
CONFIG=$ROOT/server/config.yml
UWSGI_INI=$ROOT/server/uwsgi.ini
LOG=$RUN/log
URL="http://$HOST:$PORT"
START_PAGE="$URL/interview?i=docassemble.courtpack:data/questions/start.yml"
FORMS_DIR=${COURTPACK_FORMS_DIR:-$RUN/forms}

# Debian packages the server needs: PostgreSQL and Redis, and what pip needs to build
# python-ldap (docassemble.webapp) and uwsgi from source.
DEBIAN_PACKAGES=(postgresql-15 redis-server curl libldap2-dev libsasl2-dev gcc libc6-dev make)
E2E_PACKAGES=(chromium poppler-utils)

say() { echo "server.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# ---------------------------------------------------------------- installing

apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0
    if [[ $(id -u) -ne 0 ]]; then
        die "the server needs these Debian packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}"
    fi
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$RUN/apt.log" 2>&1 \
        || { tail -20 "$RUN/apt.log" >&2; die "apt-get install failed; see $RUN/apt.log"; }
}

python_headers() {
    # pip builds uwsgi and python-ldap against the venv's Python; a Debian Python needs python3-dev
    local inc
    inc=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
    [[ -f $inc/Python.h ]] && return 0
    apt_install python3-dev
}

install_deps() {
    mkdir -p "$RUN" "$LOG"
    bash "$ROOT/scripts/system-deps.sh"        # the project's own: locale, LibreOffice, poppler, zbar
    apt_install "${DEBIAN_PACKAGES[@]}"
    if [[ ${1:-} == --e2e ]]; then apt_install "${E2E_PACKAGES[@]}"; fi
    if [[ ! -x $PY ]]; then
        say "no project environment in $VENV; creating it (make bootstrap)"
        make -C "$ROOT" bootstrap >&2
    fi
    python_headers
    local stamp=$RUN/pip.stamp want
    want="$(sha256sum "$ROOT/requirements-server.txt" | cut -d' ' -f1) $VENV"
    if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
        say "installing docassemble.webapp, uwsgi and playwright into $VENV (requirements-server.txt; a few minutes the first time)"
        "$PY" -m pip install --quiet --disable-pip-version-check -r "$ROOT/requirements-server.txt" \
            >"$LOG/pip.log" 2>&1 || { grep -v "^WARNING: Location" "$LOG/pip.log" | tail -20 >&2; die "pip install failed; see $LOG/pip.log"; }
        echo "$want" >"$stamp"
    fi
}

install_courtpack() {
    # a snapshot of the working tree, built as pip would from a git URL, on the server's PYTHONPATH
    # only (the project's .venv keeps importing the checkout itself)
    local fresh=$RUN/site.new
    rm -rf "$fresh"
    "$PY" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --no-compile \
        --target "$fresh" "$ROOT" >"$LOG/courtpack-install.log" 2>&1 \
        || { tail -20 "$LOG/courtpack-install.log" >&2; die "installing courtpack from $ROOT failed"; }
    rm -rf "$RUN/site.old"
    [[ -d $RUN/site ]] && mv "$RUN/site" "$RUN/site.old"
    mv "$fresh" "$RUN/site"
    rm -rf "$RUN/site.old"
}

# ---------------------------------------------------------------- secrets and configuration

secret() { "$PY" -c 'import secrets, string, sys; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(int(sys.argv[1]))))' "$1"; }

make_secrets() {
    local saved
    saved=$(umask)
    umask 077
    local f=$RUN/secrets.env
    if [[ ! -s $f ]]; then
        {
            echo "SECRETKEY=$(secret 40)"
            echo "DBPASSWORD=$(secret 24)"
            echo "APIKEY=$(secret 32)"
        } >"$f"
    fi
    [[ -s $RUN/admin-password ]] || secret 16 >"$RUN/admin-password"
    [[ -s $RUN/api-key ]] || grep '^APIKEY=' "$f" | cut -d= -f2 >"$RUN/api-key"
    if [[ ! -s $RUN/accounts.tsv ]]; then
        printf '%s\t%s\t%s\t%s\t%s\n' \
            officer@council.example.com "$(secret 16)" officer Olu Officer \
            reviewer@council.example.com "$(secret 16)" legal_reviewer Rhian Reviewer \
            manager@council.example.com "$(secret 16)" manager Mo Manager >"$RUN/accounts.tsv"
    fi
    if [[ ! -s $RUN/api-keys.tsv ]]; then  # one REST API key per example user (the e2e tests' role checks)
        local email rest
        while IFS=$'\t' read -r email rest; do printf '%s\t%s\n' "$email" "$(secret 32)"; done \
            <"$RUN/accounts.tsv" >"$RUN/api-keys.tsv"
    fi
    umask "$saved"
    # shellcheck disable=SC1090
    source "$f"
    ADMINPASSWORD=$(cat "$RUN/admin-password")
    APIKEY=$(cat "$RUN/api-key")
    REGISTER_URL="postgresql+psycopg://docassemble:$DBPASSWORD@$HOST:$PG_PORT/courtpack"
}

render() {  # template -> file, replacing @NAME@
    local template=$1 out=$2
    sed -e "s|@RUN@|$RUN|g" -e "s|@PORT@|$PORT|g" -e "s|@PGPORT@|$PG_PORT|g" -e "s|@REDISPORT@|$REDIS_PORT|g" \
        -e "s|@SECRETKEY@|$SECRETKEY|g" -e "s|@DBPASSWORD@|$DBPASSWORD|g" -e "s|@ADMINPASSWORD@|$ADMINPASSWORD|g" \
        -e "s|@APIKEY@|$APIKEY|g" -e "s|@VENV@|$VENV|g" -e "s|@CONFIG@|$CONFIG|g" \
        -e "s|@REGISTERURL@|$REGISTER_URL|g" -e "s|@FORMSDIR@|$FORMS_DIR|g" "$template" >"$out.tmp"
    chmod 600 "$out.tmp"
    mv "$out.tmp" "$out"
}

configure() {
    mkdir -p "$RUN"/{files,log,webapp,packages,certs,home,site,state}
    # what holds personal data or secrets is private to the server's account (docs/deploy.md lists it all)
    chmod 700 "$RUN"/{files,log,home,state,certs}
    chmod 711 "$RUN"
    render "$ROOT/server/config.yml.in" "$CONFIG"
    render "$ROOT/server/uwsgi.ini.in" "$UWSGI_INI"
    touch "$RUN/webapp/docassemble.wsgi"
    # docassemble lists the packages it installed itself here (none: courtpack comes from `make serve`)
    mkdir -p "$RUN/packages/lib/$("$PY" -c 'import sys; print(f"python{sys.version_info[0]}.{sys.version_info[1]}")')/site-packages"
    "$PY" -c 'import importlib.metadata as m; print(m.version("docassemble.webapp"))' >"$RUN/webapp/VERSION"
    PYTHONPATH=$RUN/site "$PY" -c 'import sys, pathlib; from docassemble.courtpack.headless.nltk_stub import ensure_nltk_stub; ensure_nltk_stub(pathlib.Path(sys.argv[1]))' "$RUN/nltk_data"
}

strip_admin_account() {  # create_tables has used it; docassemble asks for it to be removed
    sed -i '/^# >>> admin account/,/^# <<< admin account/d' "$CONFIG"
}

seed_register() {  # the example cases, orders, hearings and payments, once (COURTPACK_SERVER_DEMO=0: never)
    [[ ${COURTPACK_SERVER_DEMO:-1} == 1 && ! -f $RUN/register-seeded ]] || return 0
    "$PY" - "$REGISTER_URL" "$ROOT/examples" <<'PYEOF' || die "could not load the example cases into the register"
import datetime, pathlib, sys
from docassemble.courtpack.cli.demo_possession import load_possession_example
from docassemble.courtpack.register import load_demo, open_register
url, examples = sys.argv[1], sys.argv[2]
result = load_demo(url, examples, who="scripts/server.sh")  # idempotent
register = open_register(url)
try:  # the fourth example: a secure tenant in arrears, for the possession interviews
    result.cases.append(load_possession_example(register, pathlib.Path(examples), datetime.date.today(), "scripts/server.sh"))
finally:
    register.dispose()
print(f"server.sh: the example cases are in the register: {', '.join(result.cases)}", file=sys.stderr)
PYEOF
    touch "$RUN/register-seeded"
}

# the environment of every server process
server_env() {
    export DA_CONFIG_FILE=$CONFIG NLTK_DATA=$RUN/nltk_data PYTHONPATH=$RUN/site HOME=$RUN/home \
        COURTPACK_HOME=$RUN/home COURTPACK_DATABASE_URL=$REGISTER_URL COURTPACK_FORMS_DIR=$FORMS_DIR \
        COURTPACK_DOCUMENT_STORE=$RUN/state/documents \
        LANG=en_GB.UTF-8 LC_ALL=en_GB.UTF-8 C_FORCE_ROOT=1
}

# every file the web app and the worker write (documents, uploads, logs) is private to their account
SERVER_UMASK=077

# ---------------------------------------------------------------- processes

pid_of() { [[ -s $1 ]] && cat "$1" || true; }

alive() {  # alive PIDFILE WORD: the process in PIDFILE runs and its command line contains WORD
    local pid
    pid=$(pid_of "$1")
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}

stop_pid() {  # stop_pid PIDFILE WORD SIGNAL NAME
    local pidfile=$1 word=$2 sig=$3 name=$4 pid i
    if alive "$pidfile" "$word"; then
        pid=$(pid_of "$pidfile")
        kill "-$sig" "$pid"
        for i in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        if kill -0 "$pid" 2>/dev/null; then
            say "$name (pid $pid) did not stop within 30 s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        say "stopped $name"
    fi
    rm -f "$pidfile"
}

port_busy() { ss -ltn "sport = :$1" 2>/dev/null | grep -q LISTEN; }

PG_DATA=$RUN/postgres/data
PG_SOCK=$RUN/postgres/sock
if [[ $(id -u) -eq 0 ]]; then pg_as() { runuser -u postgres -- "$@"; }; else pg_as() { "$@"; }; fi
pg_running() { [[ -s $PG_DATA/PG_VERSION ]] && pg_as "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1; }
psql_super() { pg_as "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -d postgres "$@"; }

start_postgres() {
    mkdir -p "$RUN/postgres"
    [[ $(id -u) -eq 0 ]] && chown postgres "$RUN/postgres"
    pg_as mkdir -p "$PG_SOCK"
    if [[ ! -s $PG_DATA/PG_VERSION ]]; then
        say "creating the PostgreSQL cluster in $PG_DATA"
        pg_as "$PG_BIN/initdb" -D "$PG_DATA" --encoding=UTF8 --locale=C --auth-local=peer \
            --auth-host=scram-sha-256 >"$RUN/postgres/initdb.log" 2>&1 || die "initdb failed; see $RUN/postgres/initdb.log"
    fi
    if ! pg_running; then
        port_busy "$PG_PORT" && die "port $PG_PORT is in use by another program (set COURTPACK_SERVER_PG_PORT)"
        pg_as "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$RUN/postgres/postgres.log" -w -t 60 \
            -o "-c listen_addresses=$HOST -p $PG_PORT -c unix_socket_directories=$PG_SOCK" >/dev/null \
            || { tail -5 "$RUN/postgres/postgres.log" >&2; die "PostgreSQL did not start"; }
        touch "$RUN/postgres/started-by-server.sh"
    fi
    psql_super -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'docassemble'" | grep -q 1 \
        || psql_super -c "CREATE ROLE docassemble LOGIN"
    psql_super -c "ALTER ROLE docassemble PASSWORD '$DBPASSWORD'" >/dev/null
    local db
    for db in docassemble courtpack; do
        psql_super -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
            || psql_super -c "CREATE DATABASE $db OWNER docassemble ENCODING 'UTF8' TEMPLATE template0"
    done
}

stop_postgres() {
    if pg_running; then
        pg_as "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w >/dev/null
        say "stopped PostgreSQL"
    fi
}

REDIS_PID=$RUN/redis/redis.pid
start_redis() {
    mkdir -p "$RUN/redis"
    alive "$REDIS_PID" redis-server && return 0
    port_busy "$REDIS_PORT" && die "port $REDIS_PORT is in use by another program (set COURTPACK_SERVER_REDIS_PORT)"
    redis-server --bind "$HOST" --port "$REDIS_PORT" --protected-mode yes --daemonize yes \
        --pidfile "$REDIS_PID" --dir "$RUN/redis" --logfile "$LOG/redis.log" --save "60 1" --appendonly no
    local i
    for i in $(seq 1 50); do redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && return 0; sleep 0.1; done
    tail -5 "$LOG/redis.log" >&2
    die "Redis did not start"
}

UWSGI_PID=$RUN/uwsgi.pid
CELERY_PID=$RUN/celery.pid

start_web() {
    port_busy "$PORT" && die "port $PORT is in use by another program (set COURTPACK_SERVER_PORT)"
    [[ -f $LOG/uwsgi.log ]] && mv "$LOG/uwsgi.log" "$LOG/uwsgi.log.1"
    (umask "$SERVER_UMASK" && "$VENV/bin/uwsgi" --ini "$UWSGI_INI") || die "uwsgi did not start; see $LOG/uwsgi.log"
}

start_worker() {
    [[ -f $LOG/celery.log ]] && mv "$LOG/celery.log" "$LOG/celery.log.1"
    # --umask: a detached Celery worker otherwise sets umask 0, leaving stored documents world-writable
    (cd "$RUN/home" && umask "$SERVER_UMASK" && "$VENV/bin/celery" -A docassemble.webapp.worker worker --detach \
        --umask "0$SERVER_UMASK" --loglevel=INFO \
        --concurrency=2 -Q celery,single --hostname "courtpack@%h" \
        --pidfile="$CELERY_PID" --logfile="$LOG/celery.log") || die "the Celery worker did not start; see $LOG/celery.log"
}

wait_ready() {  # every uwsgi worker has loaded the app (lazy-apps: one answering is not enough)
    local i workers
    workers=$(sed -n 's/^processes = //p' "$UWSGI_INI")
    for i in $(seq 1 240); do
        if curl -fsS -o /dev/null "$URL/health_check" 2>/dev/null \
            && (($(grep -c "WSGI app 0 (mountpoint='/') ready" "$LOG/uwsgi.log") >= workers)); then
            touch "$RUN/webapp/ready"
            return 0
        fi
        alive "$UWSGI_PID" uwsgi || break
        sleep 0.5
    done
    say "the web app did not answer on $URL; the end of its log:"
    tail -40 "$LOG/uwsgi.log" >&2
    return 1
}

wait_worker() {
    local i
    for i in $(seq 1 120); do
        grep -q "ready\." "$LOG/celery.log" 2>/dev/null && return 0
        alive "$CELERY_PID" celery || break
        sleep 0.5
    done
    say "the Celery worker is not ready; the end of its log:"
    tail -30 "$LOG/celery.log" >&2
    return 1
}

running() { alive "$UWSGI_PID" uwsgi; }

print_logins() {
    cat <<EOF
courtpack's docassemble server is running at $URL
  start page:  $START_PAGE
  admin:       admin@council.example.com / $(cat "$RUN/admin-password")   (also in $RUN/admin-password)
  API key:     $RUN/api-key
EOF
    local email password privilege rest
    while IFS=$'\t' read -r email password privilege rest; do
        printf '  %-12s %s / %s\n' "$privilege:" "$email" "$password"
    done <"$RUN/accounts.tsv"
    echo "  logs:        $LOG    stop with: make stop"
}

# ---------------------------------------------------------------- commands

cmd_start() {
    mkdir -p "$RUN" "$LOG"
    if running; then
        say "already running (uwsgi pid $(pid_of "$UWSGI_PID")); nothing to do (use 'reload' to serve working-tree changes)"
        make_secrets
        print_logins
        return 0
    fi
    local t0=$SECONDS
    install_deps
    install_courtpack
    make_secrets
    configure
    start_postgres
    start_redis
    server_env
    say "creating or upgrading docassemble's tables"
    (cd "$RUN/home" && "$PY" -m docassemble.webapp.create_tables "$CONFIG") >"$LOG/create_tables.log" 2>&1 \
        || { tail -30 "$LOG/create_tables.log" >&2; die "create_tables failed; see $LOG/create_tables.log"; }
    (cd "$RUN/home" && "$PY" "$ROOT/server/setup_accounts.py" "$RUN/accounts.tsv" "$RUN/api-keys.tsv") >"$LOG/setup_accounts.log" 2>&1 \
        || { tail -30 "$LOG/setup_accounts.log" >&2; die "creating privileges and users failed"; }
    strip_admin_account
    "$PY" -c 'import sys; from docassemble.courtpack.register import open_register; open_register(sys.argv[1]).dispose()' \
        "$REGISTER_URL" || die "could not create the register's tables in PostgreSQL"
    seed_register
    rm -f "$RUN/webapp/ready"
    alive "$CELERY_PID" celery || start_worker
    start_web
    if ! wait_ready; then cmd_stop; exit 1; fi
    if ! wait_worker; then cmd_stop; exit 1; fi
    say "started in $((SECONDS - t0)) s"
    print_logins
}

cmd_stop() {
    stop_pid "$UWSGI_PID" uwsgi INT "the web app (uwsgi)"
    stop_pid "$CELERY_PID" celery TERM "the Celery worker"
    stop_pid "$REDIS_PID" redis-server TERM "Redis"
    stop_postgres
    rm -f "$RUN/webapp/ready"
}

cmd_reload() {  # serve the working tree's courtpack: reinstall it, restart the web app and the worker
    running || die "not running; use: scripts/server.sh start"
    make_secrets
    install_courtpack
    configure
    strip_admin_account
    server_env
    stop_pid "$UWSGI_PID" uwsgi INT "the web app (uwsgi)"
    stop_pid "$CELERY_PID" celery TERM "the Celery worker"
    start_worker
    start_web
    wait_ready || exit 1
    wait_worker || exit 1
    say "reloaded courtpack from $ROOT"
}

cmd_status() {
    local rc=0
    if running; then echo "web app: running at $URL (pid $(pid_of "$UWSGI_PID"))"; else echo "web app: not running"; rc=3; fi
    if alive "$CELERY_PID" celery; then echo "worker: running (pid $(pid_of "$CELERY_PID"))"; else echo "worker: not running"; fi
    if alive "$REDIS_PID" redis-server; then echo "redis: running on $HOST:$REDIS_PORT"; else echo "redis: not running"; fi
    if pg_running; then echo "postgresql: running on $HOST:$PG_PORT"; else echo "postgresql: not running"; fi
    return $rc
}

cmd_logs() {
    local f
    for f in "$LOG"/uwsgi.log "$LOG"/celery.log "$LOG"/docassemble.log "$LOG"/create_tables.log "$RUN"/postgres/postgres.log "$LOG"/redis.log; do
        [[ -f $f ]] || continue
        echo "==> $f <=="
        tail -n "${LINES_PER_LOG:-40}" "$f"
    done
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop; cmd_start ;;
    reload) cmd_reload ;;
    status) cmd_status ;;
    deps) install_deps "${2:-}" ;;
    logs) cmd_logs ;;
    *) echo "usage: scripts/server.sh start|stop|restart|reload|status|deps [--e2e]|logs" >&2; exit 2 ;;
esac
