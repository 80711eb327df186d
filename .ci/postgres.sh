#!/usr/bin/env bash
# Starts a private PostgreSQL cluster with PostGIS for the server-backend test run.
# PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` user.
# Usage: .ci/postgres.sh [port]  — prints nothing but errors; the URL is
#   postgres://onemap:onemap@127.0.0.1:$PORT/postgres
set -euo pipefail
PORT="${1:-5433}"
DIR="/tmp/onemap-pg-$PORT"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
if [ ! -f "$DIR/PG_VERSION" ]; then
  mkdir -p "$DIR" && chown postgres:postgres "$DIR"
  su postgres -c "$BIN/initdb -D $DIR -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
fi
if ! su postgres -c "$BIN/pg_ctl -D $DIR status" >/dev/null 2>&1; then
  su postgres -c "$BIN/pg_ctl -D $DIR -l $DIR/server.log -w -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off' start" >/dev/null
fi
psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'onemap') THEN
     CREATE ROLE onemap LOGIN SUPERUSER PASSWORD 'onemap'; END IF; END \$\$;" >/dev/null
