#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1, for tests and CI (never for production data).
#   scripts/pg-cluster.sh start [DIR]   initdb + start on a free port; prints the DATABASE_URL
#   scripts/pg-cluster.sh stop DIR      stop it and delete DIR
#   scripts/pg-cluster.sh run CMD…      start, run CMD with DATABASE_URL set, stop (exit code of CMD)
# Trust auth on loopback only. Uses Debian's PostgreSQL (apt-get install postgresql); as root the
# server runs as the `postgres` user, which PostgreSQL requires.
set -euo pipefail

bindir() {
  local dir
  for dir in ${PG_BINDIR:-} /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then
      echo "$dir"
      return
    fi
  done
  echo 'pg-cluster: PostgreSQL not found (apt-get install postgresql, or set PG_BINDIR)' >&2
  exit 1
}

# Runs a server binary as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The first free port of PG_PORTS (default 55432-55499), so as not to clash with a real server.
free_port() {
  local range=${PG_PORTS:-55432-55499} port
  for port in $(seq "${range%-*}" "${range#*-}" | shuf); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "pg-cluster: no free port in $range" >&2
  exit 1
}

start() {
  local dir=${1:-$(mktemp -d /tmp/warta-pg.XXXXXX)} bin port
  bin=$(bindir)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  port=$(free_port)
  # fsync off: a test cluster needs speed, not crash safety. Sockets stay inside DIR.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  echo "$port" >"$dir/port"
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
}

stop() {
  local dir=${1:?usage: pg-cluster.sh stop DIR}
  if [ -d "$dir/data" ]; then as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  run)
    shift
    dir=$(mktemp -d /tmp/warta-pg.XXXXXX)
    trap 'stop "$dir"' EXIT
    url=$(start "$dir")
    echo "pg-cluster: PostgreSQL at $url (in $dir)" >&2
    DATABASE_URL=$url "$@"
    ;;
  *)
    echo 'usage: scripts/pg-cluster.sh start [DIR] | stop DIR | run CMD…' >&2
    exit 2
    ;;
esac
