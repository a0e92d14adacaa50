#!/usr/bin/env bash
# Starts a private PostgreSQL server for the store tests and prints its JDBC URL.
#
# - Installs Debian's `postgresql` with apt when no initdb is found (as root or through sudo).
# - Makes a cluster of its own in $TAIYI_PG_DIR (default /tmp/taiyi-postgres-$USER), owned by the
#   calling user, or by `postgres` when called as root (PostgreSQL refuses to run as root). It
#   listens on 127.0.0.1 only (port $TAIYI_PG_PORT, default 55432) and on a Unix socket inside its
#   own 0700 folder; TCP logins need a password (scram-sha-256).
# - Creates the role `taiyi_test` with a random password and a fresh, empty database `taiyi_test`
#   (dropped and made again on every call, so each test run starts clean).
# - Writes the variables the tests and the CLI read to $TAIYI_PG_DIR/env (mode 0600), for
#   `. "$TAIYI_PG_DIR/env"`: TAIYI_TEST_POSTGRES (the JDBC URL), TAIYI_DB_USER, TAIYI_DB_PASSWORD.
#   The password is never printed.
# - Prints the JDBC URL (no credentials in it) as its last line.
#
# Stop the server with: releng/postgres-for-tests.sh --stop
set -euo pipefail

dir="${TAIYI_PG_DIR:-/tmp/taiyi-postgres-$(id -un)}"
port="${TAIYI_PG_PORT:-55432}"
role=taiyi_test
database=taiyi_test

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! bin="$(bindir)"; then
  echo "postgres-for-tests: apt-get install postgresql" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bin="$(bindir)"
fi

# the server's owner: the caller, or `postgres` for root
if [ "$(id -u)" -eq 0 ]; then
  as_owner() { runuser -u postgres -- "$@"; }
  owner=postgres
else
  as_owner() { "$@"; }
  owner="$(id -un)"
fi

if [ "${1:-}" = "--stop" ]; then
  [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2
  exit 0
fi

mkdir -p "$dir"
chmod 0700 "$dir"
[ "$(id -u)" -eq 0 ] && chown "$owner" "$dir"

if [ ! -f "$dir/data/PG_VERSION" ]; then
  # the superuser logs in through the private socket only (peer); TCP wants a password
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  if [ "$owner" != postgres ]; then
    # peer maps the OS user to the database user of the same name; the superuser here is postgres
    echo "local all postgres trust" >"$dir/data/pg_hba.conf.new"
    grep -v '^local' "$dir/data/pg_hba.conf" >>"$dir/data/pg_hba.conf.new"
    mv "$dir/data/pg_hba.conf.new" "$dir/data/pg_hba.conf"
  fi
fi

if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=on" start >&2
fi

psql_admin() { as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres "$@"; }

password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# the password goes to psql on stdin, never on a command line another account could see
psql_admin >/dev/null <<SQL
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$database';
DROP DATABASE IF EXISTS $database;
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN CREATE ROLE $role LOGIN; END IF;
END \$\$;
ALTER ROLE $role WITH LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE $database OWNER $role ENCODING 'UTF8';
SQL

url="jdbc:postgresql://127.0.0.1:$port/$database"
umask 077
cat >"$dir/env" <<ENV
export TAIYI_TEST_POSTGRES='$url'
export TAIYI_DB_USER='$role'
export TAIYI_DB_PASSWORD='$password'
ENV
chmod 0600 "$dir/env"
echo "$url"
