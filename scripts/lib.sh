# Shared helpers of scripts/run-portal and scripts/run-tests. Source it; do not run it.
#
# It installs what is missing (Debian packages when run as root, Python packages into
# .venv), and starts private PostgreSQL and Redis under .local/ when DATABASE_URL or
# REDIS_URL are not given. Everything it starts it stops again in `services_stop`.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
VENV="$ROOT/.venv"
PG_PORT="${CIVIC_PG_PORT:-54329}"
REDIS_PORT="${CIVIC_REDIS_PORT:-63799}"
export UV_PYTHON_DOWNLOADS=never
export PIP_DISABLE_PIP_VERSION_CHECK=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Debian packages the portal needs at run time (python3-venv: a bare Debian's Python has no
# ensurepip); the tests add a browser, poppler and nginx.
APT_RUNTIME=(python3-venv postgresql redis-server gettext age libpango-1.0-0 libpangoft2-1.0-0
    fonts-dejavu-core ca-certificates)
APT_TESTS=(chromium poppler-utils nginx)

apt_ensure() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        die "missing Debian packages: ${missing[*]} (install them, or run this as root)"
    fi
    say "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    # Services these packages bring (PostgreSQL, Redis, nginx) are not started on install:
    # the scripts start private instances of their own.
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi
}

is_python_312() {
    "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null
}

# A Python 3.12+ already on the machine: $PYTHON, the system's, pyenv's, or one uv installed.
find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.13 python3.12 \
        /root/.pyenv/versions/3.13*/bin/python3.13 /root/.pyenv/versions/3.12*/bin/python3.12 \
        /usr/bin/python3.13 /usr/bin/python3.12 python3; do
        [ -n "$candidate" ] || continue
        command -v "$candidate" >/dev/null 2>&1 || [ -x "$candidate" ] || continue
        if is_python_312 "$candidate"; then
            command -v "$candidate" 2>/dev/null || echo "$candidate"
            return 0
        fi
    done
    if [ -x "$LOCAL/tools/bin/uv" ]; then
        candidate="$(UV_PYTHON_DOWNLOADS=never "$LOCAL/tools/bin/uv" python find '>=3.12' 2>/dev/null)" || true
        if [ -n "$candidate" ] && is_python_312 "$candidate"; then
            echo "$candidate"
            return 0
        fi
    fi
    return 1
}

# uv, the package installer, in a small virtualenv of its own: made with any Python 3 the
# machine has (Debian 12's is 3.11), since uv itself does not care.
uv_ensure() {
    local python
    UV="$LOCAL/tools/bin/uv"
    [ -x "$UV" ] && return 0
    python="$(find_python || command -v python3 || true)"
    [ -n "$python" ] || die "no python3 on this machine: apt-get install python3 python3-venv"
    say "Installing uv (the package installer) with $python"
    mkdir -p "$LOCAL"
    "$python" -m venv "$LOCAL/tools" \
        || die "$python cannot make a virtualenv: apt-get install python3-venv"
    "$LOCAL/tools/bin/pip" install -q uv
}

# A Python 3.12+, installed by uv where the machine has none (Debian 12): uv fetches a
# standalone CPython build. Where downloads are not allowed, say what to install instead.
python_ensure() {
    PYTHON_FOUND="$(find_python)" && return 0
    say "No Python 3.12 or newer here: installing one with uv"
    if ! UV_PYTHON_DOWNLOADS=automatic "$UV" python install 3.13 >/dev/null; then
        die "could not install Python 3.13 with uv (are downloads allowed?): install python3.12 or newer, or set PYTHON=/path/to/python3.12+"
    fi
    PYTHON_FOUND="$(find_python)" || die "uv installed Python 3.13 but it cannot be found"
}

python_env_ensure() {
    local python uv
    uv_ensure
    python_ensure
    python="$PYTHON_FOUND"
    uv="$UV"
    if [ ! -x "$VENV/bin/python" ]; then
        say "Creating the virtualenv .venv with $python"
        "$uv" venv -q --python "$python" "$VENV"
    fi
    # `pip sync` is quick when nothing changed, and removes what the lock no longer lists.
    VIRTUAL_ENV="$VENV" "$uv" pip sync -q --python "$VENV/bin/python" "$ROOT/requirements.lock"
    export PATH="$VENV/bin:$PATH"
}

pg_bindir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$dir" ] || die "PostgreSQL server binaries not found (apt-get install postgresql)"
    echo "$dir"
}

# Run a PostgreSQL tool as the owner of the data folder: initdb refuses root.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

STARTED_PG=0
STARTED_REDIS=0

# Where the private cluster lives. As root, PostgreSQL runs as the postgres user, who may not
# reach the checkout (a clone in /root, whose folder only root may enter): the cluster then
# lives in /var/lib/civiccenter, in a folder named after the checkout's path, so that each
# checkout keeps its own. Otherwise it lives in .local/.
pg_home() {
    if [ -n "${CIVIC_PG_HOME:-}" ]; then
        echo "$CIVIC_PG_HOME"
    elif [ "$(id -u)" -eq 0 ]; then
        echo "/var/lib/civiccenter/$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
    else
        echo "$LOCAL"
    fi
}

postgres_start() {
    local bin home data log
    bin="$(pg_bindir)"
    home="$(pg_home)"
    data="$home/postgres"
    log="$home/postgres.log"
    PG_DATA="$data"
    mkdir -p "$data"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$home" "$data"
        touch "$log" && chown postgres "$log"
        as_pg test -w "$data" || die "the postgres user cannot write to $data (check the folder permissions)"
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        say "Creating a private PostgreSQL cluster in $data"
        as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 \
            --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        say "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
        as_pg "$bin/pg_ctl" -D "$data" -l "$log" -w -o \
            "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $data -c fsync=${CIVIC_PG_FSYNC:-on}" start >/dev/null
        STARTED_PG=1
    fi
    "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'civiccenter'" | grep -q 1 \
        || "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres civiccenter
    export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/civiccenter"
}

redis_start() {
    local dir="$LOCAL/redis"
    mkdir -p "$dir"
    if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
        say "Starting Redis on 127.0.0.1:$REDIS_PORT"
        redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$dir" --daemonize yes \
            --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save "" --appendonly no
        for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
        STARTED_REDIS=1
    fi
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
}

services_start() {
    if [ -z "${DATABASE_URL:-}" ]; then postgres_start; fi
    if [ -z "${REDIS_URL:-}" ]; then redis_start; fi
}

services_stop() {
    if [ "$STARTED_REDIS" = 1 ]; then
        say "Stopping Redis"
        redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    fi
    if [ "$STARTED_PG" = 1 ]; then
        say "Stopping PostgreSQL"
        as_pg "$(pg_bindir)/pg_ctl" -D "$PG_DATA" stop -m fast >/dev/null 2>&1 || true
    fi
}
