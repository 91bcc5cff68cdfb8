# Sourced by .ci/run: a throwaway PostgreSQL server on loopback for the test suite.
# Installs Debian's postgresql when missing, runs the server as the postgres user (never as root),
# exports OTVET_TEST_POSTGRES_URL, and stops the server when the calling script exits.
# Any failure here fails CI: the PostgreSQL tests are skipped only when the variable is absent.

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(pg_bin)" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "postgresql is not installed and installing it needs root" >&2
        exit 1
    fi
    echo "installing postgresql from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

PG_BIN="$(pg_bin)"
PG_DIR="$(mktemp -d /tmp/otvet-pg.XXXXXX)"
PG_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "$(id -u)" = 0 ]; then chown postgres: "$PG_DIR"; fi
pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U otvet --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log"
pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; exit 1; }

pg_stop() {
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
}
trap pg_stop EXIT

pg_as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U otvet otvet_test
export OTVET_TEST_POSTGRES_URL="postgresql+psycopg://otvet@127.0.0.1:$PG_PORT/otvet_test"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT for the tests"
