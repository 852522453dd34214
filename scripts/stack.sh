#!/usr/bin/env bash
# Local DataForge stack: PostgreSQL -> dataforge-fcgi pool -> nginx, plus queue consumers.
# Usage: scripts/stack.sh up|down|status|restart-db|restart-pools|env|clean
# Settings (environment): DATAFORGE_HOME, DATAFORGE_HTTP_PORT, DATAFORGE_PG_PORT,
# DATAFORGE_CONSUMERS, DATAFORGE_FCGI_LONG_THREADS (accept threads of the pool for long requests,
# default 8), DATAFORGE_BIN_DIR (required for up), DATAFORGE_STACK_ONLY_INFRA=1 (up skips components
# whose binary is missing). Every other DATAFORGE_*/provider variable passes through to the processes.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CMD=${1:-}

HOME_DIR=$(realpath -m "${DATAFORGE_HOME:-$REPO/.dataforge}")
LOG=$HOME_DIR/log
PIDS=$HOME_DIR/pids
SAVED=$HOME_DIR/stack.env

# Commands other than up default to the settings the last up used.
if [[ $CMD != up && -f $SAVED ]]; then
    while IFS= read -r line; do
        key=${line%%=*}
        [[ -n ${!key+x} ]] || printf -v "$key" '%s' "${line#*=}"
    done <"$SAVED"
fi
# Default ports lie below Linux's ephemeral range (32768-60999), which the kernel hands to client
# sockets: a restarted PostgreSQL on 55432 once failed to bind while a client connection held it.
HTTP_PORT=${DATAFORGE_HTTP_PORT:-8080}
PG_PORT=${DATAFORGE_PG_PORT:-15432}
CONSUMERS=${DATAFORGE_CONSUMERS:-2}
BIN_DIR=${DATAFORGE_BIN_DIR:+$(realpath -m "$DATAFORGE_BIN_DIR")}

# Sockets live in a short, world-traversable dir: unix socket paths are limited to
# ~107 bytes and nginx workers (nobody) must reach the FastCGI socket.
TAG=dataforge-$(id -u)-$(printf %s "$HOME_DIR" | sha256sum | cut -c1-6)
RUN_DIR=/tmp/$TAG
PG_SOCK_DIR=$RUN_DIR/pg
FCGI_SOCK=$RUN_DIR/fcgi.sock
# A second, small pool serves the requests that may take long (test-llm, event streams): they
# can never hold up the short ones.
FCGI_LONG_SOCK=$RUN_DIR/fcgi-long.sock
LONG_THREADS=${DATAFORGE_FCGI_LONG_THREADS:-8}
if ! [[ $LONG_THREADS =~ ^[1-9][0-9]?$ ]] || ((LONG_THREADS > 64)); then
    echo "stack: DATAFORGE_FCGI_LONG_THREADS: expected a whole number from 1 to 64, got '$LONG_THREADS'" >&2
    exit 78
fi
# Data dir used when the postgres user cannot reach DATAFORGE_HOME (e.g. under /root).
PG_OUTSIDE=/var/tmp/$TAG/pg
PGDATA=$(realpath -m "$HOME_DIR/pg")
DB_URL="host=$PG_SOCK_DIR port=$PG_PORT dbname=dataforge user=dataforge"
# The handlers and consumers log in as members of the roles sql/0023 creates: rows only, no DDL, and the
# audit trail append-only. The owner above runs migrations and the command line.
API_DB_URL="host=$PG_SOCK_DIR port=$PG_PORT dbname=dataforge user=dataforge_api_login"
CONSUMER_DB_URL="host=$PG_SOCK_DIR port=$PG_PORT dbname=dataforge user=dataforge_consumer_login"

is_root() { [[ $(id -u) == 0 ]]; }

fail() { echo "stack: $*" >&2; exit 1; }

# fail_log LOGFILE MESSAGE: fail, pointing at the log and showing its tail.
fail_log() {
    if [[ -f $1 ]]; then
        echo "---- last lines of $1" >&2
        tail -n 20 "$1" >&2
    fi
    fail "$2; read $1"
}

# initdb, pg_ctl and postgres refuse to run as root.
as_pg() {
    if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_bin() {
    local d=${DATAFORGE_PG_BIN:-}
    [[ -n $d ]] || d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [[ -n $d ]] || d=$(dirname "$(command -v initdb || echo /missing/initdb)")
    [[ -x $d/pg_ctl ]] || fail "PostgreSQL server binaries not found (run scripts/install-deps.sh)"
    echo "$d"
}

# port_free PORT: nothing holds 127.0.0.1:PORT, neither a listener nor a client connection the kernel gave
# it to; bound as servers bind (SO_REUSEADDR), so a connection in TIME_WAIT does not count.
port_free() {
    python3 -c 'import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null
}

# need_port PORT WHAT VARIABLE: fail with a clear message when PORT is taken; warn when it lies in the
# ephemeral range, where any client connection may take it while WHAT is down.
need_port() {
    local port=$1 what=$2 variable=$3 low high holder
    if ! port_free "$port"; then
        holder=$(ss -Htanp "( sport = :$port )" 2>/dev/null | head -n 1 | tr -s ' ')
        fail "port $port for $what is taken${holder:+ ($holder)}; free it or choose another with $variable"
    fi
    read -r low high </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || return 0
    if ((port >= low && port <= high)); then
        echo "stack: warning: $variable=$port lies in the ephemeral port range ($low-$high): a client connection may take it while $what is down" >&2
    fi
    return 0
}

pg_initialized() { [[ -f $PGDATA/PG_VERSION ]]; }
pg_running() { pg_initialized && as_pg "$(pg_bin)/pg_ctl" status -D "$PGDATA" >/dev/null 2>&1; }

pattern_for() {
    case $1 in
        fcgi | fcgi-long) echo dataforge-fcgi ;;
        consumer-*) echo dataforge-consumer ;;
        nginx) echo nginx ;;
    esac
}

pid_of() { [[ -f $PIDS/$1.pid ]] && cat "$PIDS/$1.pid"; }

# running NAME: the pid in pids/NAME.pid exists and is not a zombie.
running() {
    local pid
    pid=$(pid_of "$1" 2>/dev/null) || return 1
    [[ $pid =~ ^[0-9]+$ ]] && [[ $(ps -p "$pid" -o stat= 2>/dev/null) == [^Z]* ]]
}

# alive NAME: running, and the expected program rather than a reused pid.
alive() {
    running "$1" && [[ $(ps -p "$(pid_of "$1")" -o args= 2>/dev/null) == *"$(pattern_for "$1")"* ]]
}

consumer_names() {
    local i f names=()
    for ((i = 1; i <= CONSUMERS; i++)); do names+=("consumer-$i"); done
    for f in "$PIDS"/consumer-*.pid; do
        [[ -e $f ]] || continue
        f=$(basename "$f" .pid)
        [[ " ${names[*]} " == *" $f "* ]] || names+=("$f")
    done
    echo "${names[@]}"
}

# wait_for SECONDS LOGFILE WHAT NAME CMD...: poll CMD; fail naming LOGFILE on timeout,
# or as soon as the process NAME (unless "-") has exited.
wait_for() {
    local secs=$1 log=$2 what=$3 name=$4 i
    shift 4
    for ((i = 0; i < secs * 5; i++)); do
        "$@" && return 0
        if [[ $name != - ]] && ! running "$name"; then fail_log "$log" "$name exited while waiting for $what"; fi
        sleep 0.2
    done
    fail_log "$log" "timed out after ${secs}s waiting for $what"
}

# start_bg NAME BINARY: run in its own session (survives the terminal, and the whole
# process group can be killed on shutdown).
start_bg() {
    setsid "$2" >>"$LOG/$1.log" 2>&1 </dev/null &
    echo $! >"$PIDS/$1.pid"
}

# stop_procs NAME...: SIGTERM all, wait up to 10 s, then SIGKILL their process groups.
stop_procs() {
    local name i left
    local -A pids=()
    for name in "$@"; do
        # A stale pid file may name someone else's process by now: just drop it.
        if alive "$name"; then pids[$name]=$(pid_of "$name"); else rm -f "$PIDS/$name.pid"; fi
    done
    for name in "${!pids[@]}"; do kill -TERM "${pids[$name]}" 2>/dev/null || true; done
    for ((i = 0; i < 50; i++)); do
        left=0
        for name in "${!pids[@]}"; do
            [[ $(ps -p "${pids[$name]}" -o stat= 2>/dev/null) == [^Z]* ]] && left=1
        done
        ((left)) || break
        sleep 0.2
    done
    for name in "${!pids[@]}"; do
        if [[ $(ps -p "${pids[$name]}" -o stat= 2>/dev/null) == [^Z]* ]]; then
            echo "stack: $name (pid ${pids[$name]}) did not stop within 10 s, killing it"
            kill -KILL "${pids[$name]}" 2>/dev/null || true
        fi
        # Leftover children (e.g. pool workers) share the group led by the pid.
        kill -KILL -- "-${pids[$name]}" 2>/dev/null || true
        rm -f "$PIDS/$name.pid"
    done
}

# needs_bin NAME: true when the binary is there; otherwise fail, or skip in infra-only mode.
needs_bin() {
    [[ -n $BIN_DIR && -x $BIN_DIR/$1 ]] && return 0
    [[ ${DATAFORGE_STACK_ONLY_INFRA:-0} == 1 ]] ||
        fail "$1 not found in DATAFORGE_BIN_DIR='$BIN_DIR' (make up sets it)"
    echo "stack: skipping $1: not built (DATAFORGE_STACK_ONLY_INFRA=1)"
    return 1
}

setup_dirs() {
    mkdir -p "$LOG" "$PIDS" "$HOME_DIR/nginx"
    [[ -d $RUN_DIR ]] || mkdir -m 0755 "$RUN_DIR"
    [[ -O $RUN_DIR && ! -L $RUN_DIR ]] || fail "$RUN_DIR is not a directory owned by $(id -un)"
    chmod 0755 "$RUN_DIR"
    install -d -m 0755 "$PG_SOCK_DIR" "$RUN_DIR/nginx"
    ln -sfn "$RUN_DIR" "$HOME_DIR/run"
    is_root && chown postgres: "$PG_SOCK_DIR"

    local link=$HOME_DIR/pg
    if [[ ! -e $link && ! -L $link ]] && is_root; then
        mkdir -m 0700 "$link"
        chown postgres: "$link"
        if ! as_pg test -w "$link"; then
            rmdir "$link"
            ln -s "$PG_OUTSIDE" "$link"
        fi
    fi
    PGDATA=$(realpath -m "$link")
    if [[ ! -d $PGDATA ]]; then
        if [[ $PGDATA == "$PG_OUTSIDE" ]]; then
            install -d -m 0755 "${PG_OUTSIDE%/pg}"
            [[ -O ${PG_OUTSIDE%/pg} ]] || fail "${PG_OUTSIDE%/pg} is not owned by $(id -un)"
        fi
        mkdir -p -m 0700 "$PGDATA"
        is_root && chown postgres: "$PGDATA"
    fi
    return 0
}

start_postgres() {
    local bin
    bin=$(pg_bin)
    if ! pg_initialized; then
        echo "stack: initdb $PGDATA"
        as_pg "$bin/initdb" -D "$PGDATA" --auth=trust -U dataforge -E UTF8 --locale=C.UTF-8 \
            >>"$LOG/initdb.log" 2>&1 || fail_log "$LOG/initdb.log" "initdb failed"
        echo "include 'dataforge.conf'" | as_pg tee -a "$PGDATA/postgresql.conf" >/dev/null
    fi
    # Rewritten on every up so port and socket dir follow the current settings.
    # Durability (fsync, synchronous_commit) stays at PostgreSQL's defaults.
    as_pg tee "$PGDATA/dataforge.conf" >/dev/null <<EOF
# Written by scripts/stack.sh up.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK_DIR'
max_connections = 200
shared_buffers = 256MB
timezone = 'UTC'
log_timezone = 'UTC'
EOF
    if ! pg_running; then
        echo "stack: starting PostgreSQL on 127.0.0.1:$PG_PORT"
        # No -l: the server inherits this redirect, opened by us, so the log can sit
        # where the postgres user could not open it.
        as_pg "$bin/pg_ctl" start -D "$PGDATA" -w -t 60 >>"$LOG/postgresql.log" 2>&1 </dev/null ||
            fail_log "$LOG/postgresql.log" "PostgreSQL did not start"
    fi
    local psql=("$bin/psql" -X -q -h "$PG_SOCK_DIR" -p "$PG_PORT" -U dataforge)
    if [[ -z $("${psql[@]}" -d postgres -tAc "select 1 from pg_database where datname = 'dataforge'") ]]; then
        "$bin/createdb" -h "$PG_SOCK_DIR" -p "$PG_PORT" -U dataforge dataforge
    fi
}

migrate() {
    needs_bin dataforge || return 0
    (cd "$REPO" && "$BIN_DIR/dataforge" migrate) >>"$LOG/migrate.log" 2>&1 ||
        fail_log "$LOG/migrate.log" "dataforge migrate failed"
    login_roles
}

# The login roles of the handlers and consumers, members of the migrations' group roles. Local connections
# are trusted, so they need no password.
login_roles() {
    "$(pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK_DIR" -p "$PG_PORT" -U dataforge -d dataforge \
        >>"$LOG/migrate.log" 2>&1 <<'SQL' || fail_log "$LOG/migrate.log" "creating the login roles failed"
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dataforge_api_login') THEN
        CREATE ROLE dataforge_api_login LOGIN IN ROLE dataforge_api;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dataforge_consumer_login') THEN
        CREATE ROLE dataforge_consumer_login LOGIN IN ROLE dataforge_consumer;
    END IF;
END
$$;
SQL
}

# start_fcgi NAME SOCKET [VARIABLE=VALUE...]: one pool, with its own settings over the stack's.
start_fcgi() {
    local name=$1 socket=$2
    shift 2
    alive "$name" && return 0
    echo "stack: starting dataforge-fcgi ($name)"
    rm -f "$socket"
    (export DATAFORGE_FCGI_SOCKET=$socket "$@" && start_bg "$name" "$BIN_DIR/dataforge-fcgi")
    wait_for 30 "$LOG/$name.log" "socket $socket" "$name" test -S "$socket"
}

start_consumers() {
    needs_bin dataforge-consumer || return 0
    local i started=()
    for ((i = 1; i <= CONSUMERS; i++)); do
        alive "consumer-$i" && continue
        echo "stack: starting consumer-$i"
        start_bg "consumer-$i" "$BIN_DIR/dataforge-consumer"
        started+=("consumer-$i")
    done
    # Catch consumers that die right away (bad settings, database unreachable).
    ((${#started[@]} == 0)) || sleep 0.5
    for i in "${started[@]}"; do
        running "$i" || fail_log "$LOG/$i.log" "$i exited right after start"
    done
}

nginx_cmd() { "$(command -v nginx || echo /usr/sbin/nginx)" -p "$HOME_DIR/nginx/" -c "$HOME_DIR/nginx/nginx.conf" -e "$LOG/nginx-error.log" "$@"; }

start_nginx() {
    local with_pool=$1 conf=$HOME_DIR/nginx/nginx.conf
    DATAFORGE_HOME=$HOME_DIR DATAFORGE_HTTP_PORT=$HTTP_PORT DATAFORGE_FCGI_SOCKET=$FCGI_SOCK \
        DATAFORGE_FCGI_LONG_SOCKET=$FCGI_LONG_SOCK DATAFORGE_NGINX_TEMP_DIR=$RUN_DIR/nginx \
        DATAFORGE_MAX_BODY_SIZE=${DATAFORGE_MAX_BODY_SIZE:-${DATAFORGE_MAX_BODY_BYTES:-1m}} \
        DATAFORGE_CLIENT_RATE=${DATAFORGE_CLIENT_RATE:-200r/s} DATAFORGE_CLIENT_BURST=${DATAFORGE_CLIENT_BURST:-400} \
        envsubst '${DATAFORGE_HOME} ${DATAFORGE_HTTP_PORT} ${DATAFORGE_FCGI_SOCKET} ${DATAFORGE_FCGI_LONG_SOCKET} ${DATAFORGE_NGINX_TEMP_DIR} ${DATAFORGE_MAX_BODY_SIZE} ${DATAFORGE_CLIENT_RATE} ${DATAFORGE_CLIENT_BURST}' \
        <"$REPO/nginx/nginx.conf.template" >"$conf.new"
    if alive nginx && cmp -s "$conf" "$conf.new"; then
        rm -f "$conf.new"
    else
        mv "$conf.new" "$conf"
        nginx_cmd -t -q 2>>"$LOG/nginx-error.log" || fail_log "$LOG/nginx-error.log" "nginx config test failed"
        if alive nginx; then
            echo "stack: reloading nginx"
            nginx_cmd -s reload
        else
            echo "stack: starting nginx on 127.0.0.1:$HTTP_PORT"
            nginx_cmd 2>>"$LOG/nginx-error.log" || fail_log "$LOG/nginx-error.log" "nginx did not start"
        fi
    fi
    local url=http://127.0.0.1:$HTTP_PORT/health
    if [[ $with_pool == yes ]]; then
        wait_for 30 "$LOG/fcgi.log" "$url (see also $LOG/nginx-error.log)" fcgi \
            curl -sf -o /dev/null --max-time 2 "$url"
    else # no pool: any answer (the JSON 503) shows nginx is up
        wait_for 10 "$LOG/nginx-error.log" "nginx on port $HTTP_PORT" - \
            curl -s -o /dev/null --max-time 2 "$url"
    fi
}

cmd_up() {
    [[ -n $BIN_DIR || ${DATAFORGE_STACK_ONLY_INFRA:-0} == 1 ]] ||
        fail "DATAFORGE_BIN_DIR is not set (use make up, or set it to \$(swift build -c release --show-bin-path))"
    setup_dirs
    export DATAFORGE_HOME=$HOME_DIR DATAFORGE_DATABASE_URL=$DB_URL DATAFORGE_FCGI_SOCKET=$FCGI_SOCK
    export DATAFORGE_API_DATABASE_URL=$API_DB_URL DATAFORGE_CONSUMER_DATABASE_URL=$CONSUMER_DB_URL
    export DATAFORGE_SQL_DIR=${DATAFORGE_SQL_DIR:-$REPO/sql}
    pg_running || need_port "$PG_PORT" PostgreSQL DATAFORGE_PG_PORT
    alive nginx || need_port "$HTTP_PORT" nginx DATAFORGE_HTTP_PORT
    start_postgres
    migrate
    local with_pool=no
    if needs_bin dataforge-fcgi; then
        start_fcgi fcgi "$FCGI_SOCK"
        start_fcgi fcgi-long "$FCGI_LONG_SOCK" DATAFORGE_FCGI_WORKERS=1 DATAFORGE_FCGI_THREADS="$LONG_THREADS"
        with_pool=yes
    fi
    start_consumers
    start_nginx "$with_pool"
    printf '%s\n' "DATAFORGE_HTTP_PORT=$HTTP_PORT" "DATAFORGE_PG_PORT=$PG_PORT" \
        "DATAFORGE_CONSUMERS=$CONSUMERS" "DATAFORGE_BIN_DIR=$BIN_DIR" >"$SAVED"
    cmd_status
}

cmd_down() {
    [[ -d $HOME_DIR ]] || return 0
    stop_procs nginx
    # shellcheck disable=SC2046
    stop_procs $(consumer_names)
    stop_procs fcgi fcgi-long
    rm -f "$FCGI_SOCK" "$FCGI_LONG_SOCK"
    if pg_running; then
        echo "stack: stopping PostgreSQL"
        as_pg "$(pg_bin)/pg_ctl" stop -D "$PGDATA" -m fast -w -t 30 >>"$LOG/postgresql.log" 2>&1 ||
            as_pg "$(pg_bin)/pg_ctl" stop -D "$PGDATA" -m immediate -w -t 30 >>"$LOG/postgresql.log" 2>&1 ||
            fail_log "$LOG/postgresql.log" "PostgreSQL did not stop"
    fi
    echo "stack: down"
}

cmd_status() {
    local name
    if pg_running; then
        printf '%-12s running  pid %-7s port %s\n' postgresql \
            "$(sed -n 1p "$PGDATA/postmaster.pid")" "$(sed -n 4p "$PGDATA/postmaster.pid")"
    else
        printf '%-12s stopped\n' postgresql
    fi
    for name in fcgi fcgi-long $(consumer_names) nginx; do
        if alive "$name"; then
            case $name in
                fcgi) printf '%-12s running  pid %-7s socket %s\n' "$name" "$(pid_of "$name")" "$FCGI_SOCK" ;;
                fcgi-long) printf '%-12s running  pid %-7s socket %s\n' "$name" "$(pid_of "$name")" "$FCGI_LONG_SOCK" ;;
                nginx) printf '%-12s running  pid %-7s port %s\n' "$name" "$(pid_of "$name")" "$HTTP_PORT" ;;
                *) printf '%-12s running  pid %s\n' "$name" "$(pid_of "$name")" ;;
            esac
        else
            printf '%-12s stopped\n' "$name"
        fi
    done
}

cmd_restart_db() {
    pg_initialized || fail "no PostgreSQL cluster at $PGDATA (run up first)"
    as_pg "$(pg_bin)/pg_ctl" restart -D "$PGDATA" -m fast -w -t 60 >>"$LOG/postgresql.log" 2>&1 </dev/null ||
        fail_log "$LOG/postgresql.log" "PostgreSQL did not restart"
    echo "stack: PostgreSQL restarted"
}

# Both FastCGI pools stopped and started again with this environment (e.g. another DATAFORGE_AUTH).
cmd_restart_pools() {
    stop_procs fcgi fcgi-long
    cmd_up
}

cmd_env() {
    printf 'export %s=%q\n' DATAFORGE_DATABASE_URL "$DB_URL" DATAFORGE_API_DATABASE_URL "$API_DB_URL" \
        DATAFORGE_CONSUMER_DATABASE_URL "$CONSUMER_DB_URL" DATAFORGE_HTTP_PORT "$HTTP_PORT" \
        DATAFORGE_BASE_URL "http://127.0.0.1:$HTTP_PORT" DATAFORGE_HOME "$HOME_DIR" \
        DATAFORGE_BIN_DIR "$BIN_DIR" DATAFORGE_PG_PORT "$PG_PORT" DATAFORGE_CONSUMERS "$CONSUMERS"
}

# down, then delete DATAFORGE_HOME and the dirs kept outside it.
cmd_clean() {
    case $HOME_DIR in / | "$REPO" | "${HOME:-/}") fail "refusing to delete $HOME_DIR" ;; esac
    [[ ! -e $HOME_DIR || -d $HOME_DIR/pids || -z $(ls -A "$HOME_DIR") ]] ||
        fail "refusing to delete $HOME_DIR: it does not look like a stack home (no pids/)"
    cmd_down
    rm -rf "$RUN_DIR" "/var/tmp/$TAG" "$HOME_DIR"
    echo "stack: removed $HOME_DIR"
}

case $CMD in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    restart-db) cmd_restart_db ;;
    restart-pools) cmd_restart_pools ;;
    env) cmd_env ;;
    clean) cmd_clean ;;
    *) echo "usage: $0 up|down|status|restart-db|restart-pools|env|clean" >&2; exit 2 ;;
esac
