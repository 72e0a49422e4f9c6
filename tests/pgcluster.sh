#!/usr/bin/env bash
# A private, throwaway PostgreSQL 15 cluster bound to 127.0.0.1, for tests and the demo.
#   pgcluster.sh start DIR   initialise (if needed) and start; writes DIR/url
#   pgcluster.sh stop DIR    stop the cluster whose pid is in DIR/data/postmaster.pid
#   pgcluster.sh destroy DIR stop it and delete DIR
#   pgcluster.sh restart DIR [--durable]
#                            restart it on the same port, keeping its data; --durable turns fsync,
#                            synchronous commit and full-page writes back on, as a clinic runs
#   pgcluster.sh crash DIR   stop it at once, as a crash does (pg_ctl stop -m immediate)
#   pgcluster.sh standby DIR PRIMARY_DIR
#                            a streaming standby of the cluster in PRIMARY_DIR (pg_basebackup -R:
#                            standby.signal and primary_conninfo), started on a free port of its own;
#                            writes DIR/url, DIR/port and DIR/password as start does
#   pgcluster.sh promote DIR the standby in DIR becomes a primary (pg_ctl promote, waits for it)
# DIR/url is the server's URL (as the superuser postgres); DIR/password (mode 600) the random
# password of both postgres and frontdesk_owner (CREATEROLE, no superuser), for PGPASSWORD:
# never put it on a command line.
# initdb and postgres refuse to run as root, so as root they run as the `postgres` user.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

as_pg_user() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Below the kernel's ephemeral range: a port in use as the local end of some client connection
# cannot be listened on, and nothing shows that from outside.
pick_port() {
    local port low=32768
    read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
    [ "$low" -gt 11000 ] || low=32768
    for _ in $(seq 1 200); do
        port=$(( 10000 + RANDOM % (low - 10000) ))
        if port_is_free "$port"; then echo "$port"; return 0; fi
    done
    echo "pgcluster: no free port found" >&2
    return 1
}

# Throwaway: no fsync, no synchronous commit (a crash loses the cluster, which nobody keeps).
# 500 connections: the benchmark's fleet holds 200 desks of two connections each, and more.
launch() {
    local dir=$1 port=$2 durability=$3 settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "$durability" = durable ] && settings="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
    as_pg_user "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket $settings -c max_connections=500" >/dev/null
}

# Starts the cluster in DIR on a free port and writes DIR/url and DIR/port. A port can be taken
# between the check and the bind: try another.
launch_on_a_free_port() {
    local dir=$1 port attempt
    for attempt in 1 2 3; do
        port=$(pick_port)
        if launch "$dir" "$port" throwaway; then
            break
        fi
        if [ "$attempt" -eq 3 ]; then
            cat "$dir/server.log" >&2
            return 1
        fi
    done
    echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$dir/url"
    echo "$port" >"$dir/port"
}

start() {
    local dir=$1
    if [ -L "$dir" ]; then
        echo "pgcluster: $dir is a symbolic link; refusing" >&2
        return 1
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; chmod 700 "$dir"; fi
    # Throwaway means fresh: a cluster left behind by an interrupted run is stopped and replaced.
    if [ -f "$dir/data/PG_VERSION" ]; then
        stop "$dir"
        rm -rf "$dir/data"
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        # Password authentication even on loopback: trust would let any local user in as superuser.
        head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$dir/password"
        chmod 600 "$dir/password"
        [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/password"
        as_pg_user "$PGBIN/initdb" --no-sync -D "$dir/data" -U postgres --auth=scram-sha-256 \
            --pwfile="$dir/password" --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; return 1; }
    fi
    mkdir -p "$dir/socket"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/socket"
    launch_on_a_free_port "$dir" || return 1
    local port
    port=$(cat "$dir/port")
    # Frontdesk's schemas are owned, migrated and administered by a role that is not a superuser,
    # as at a clinic: superusers bypass row-level security, even where it is forced.
    PGPASSWORD=$(cat "$dir/password") "$PGBIN/psql" -q -X -v ON_ERROR_STOP=1 \
        "postgresql://postgres@127.0.0.1:$port/postgres" \
        -c "create role frontdesk_owner login createrole password '$(cat "$dir/password")'" >/dev/null
}

# pg_ctl stops the postmaster whose pid is in postmaster.pid, after checking it is still that
# server; a stale pid file is left alone rather than signalling whatever process has the pid now.
stop() {
    local dir=$1
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_pg_user "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

# Immediate shutdown: no checkpoint, every backend and the WAL sender killed on the spot, as when
# the server's machine dies; what the standby had not received by then is not on the standby.
crash() {
    local dir=$1
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_pg_user "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
}

standby() {
    local dir=$1 primary
    primary=$(cd "$2" && pwd)
    if [ -L "$dir" ] || [ -e "$dir/data" ]; then
        echo "pgcluster: $dir is a symbolic link or holds a cluster already; refusing" >&2
        return 1
    fi
    mkdir -p "$dir/socket"
    dir=$(cd "$dir" && pwd)
    install -m 600 "$primary/password" "$dir/password"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; chmod 700 "$dir"; fi
    # -R writes standby.signal and primary_conninfo (with the password: postgresql.auto.conf is
    # the postgres user's alone); -X stream copies the WAL written during the copy too.
    PGPASSWORD=$(cat "$primary/password") as_pg_user "$PGBIN/pg_basebackup" -D "$dir/data" -R -X stream \
        -c fast --no-sync -d "postgresql://postgres@127.0.0.1:$(cat "$primary/port")/postgres?application_name=standby" \
        >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; return 1; }
    launch_on_a_free_port "$dir"
}

promote() {
    as_pg_user "$PGBIN/pg_ctl" -D "$1/data" -w -t 30 promote >/dev/null
}

restart() {
    local dir=$1 durability=throwaway
    [ "${2:-}" = --durable ] && durability=durable
    stop "$dir"
    launch "$dir" "$(cat "$dir/port")" "$durability" || { tail -20 "$dir/server.log" >&2; return 1; }
}

# Stop, then delete the cluster and its files.
destroy() {
    local dir=$1
    stop "$dir"
    [ -f "$dir/data/PG_VERSION" ] || [ -f "$dir/url" ] && rm -rf "$dir"
    return 0
}

case "${1:-}" in
    start) start "$2" ;;
    stop) stop "$2" ;;
    destroy) destroy "$2" ;;
    restart) restart "$2" "${3:-}" ;;
    crash) crash "$2" ;;
    standby) standby "$2" "$3" ;;
    promote) promote "$2" ;;
    *) echo "usage: $0 start|stop|destroy|restart|crash|promote DIR [--durable] | standby DIR PRIMARY_DIR" >&2; exit 2 ;;
esac
