#!/usr/bin/env bash
# Start the Neo4j test server in the background and print its URI on stdout.
#   tests/neo4j/start.sh [PORT]     (PORT: default $NEO4J_TEST_PORT or 7687; 0 = any free)
# Builds the launcher if needed, starts it with a fresh, empty database in
# tests/neo4j/data/db, logs to tests/neo4j/data/neo4j.log, and returns once Bolt answers
# (at most $NEO4J_START_TIMEOUT seconds, default 120). Already running: prints its URI.
# Stop it with tests/neo4j/stop.sh. Used by `make test` and .ci/run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${1:-${NEO4J_TEST_PORT:-7687}}"
timeout="${NEO4J_START_TIMEOUT:-120}"
data="$here/data"
pidfile="$data/neo4j.pid" urifile="$data/neo4j.uri" log="$data/neo4j.log"

ours() {  # is PID alive and this directory's server (run.sh or its java), not a recycled pid?
    [[ -n ${1:-} ]] && tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -qF -- "--dir $data/db"
}

if [[ -f $pidfile && -s $urifile ]] && ours "$(cat "$pidfile")"; then
    uri="$(cat "$urifile")"
    [[ $port == 0 || $uri == *":$port" ]] \
        || echo "start.sh: already running at $uri (not on port $port); run tests/neo4j/stop.sh first to move it" >&2
    echo "$uri"
    exit 0
fi

"$here/build.sh"
mkdir -p "$data"
rm -rf "$data/db" "$pidfile" "$urifile"
: > "$log"
# setsid: its own session, so a Ctrl-C in the caller's terminal does not reach it.
setsid "$here/run.sh" --port "$port" --dir "$data/db" > "$log" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$pidfile"

fail() {
    echo "start.sh: $1; last lines of $log:" >&2
    tail -n 25 "$log" >&2
    kill -TERM "$pid" 2>/dev/null || true
    rm -f "$pidfile"
    exit 1
}

deadline=$((SECONDS + timeout))
uri=""
while :; do
    kill -0 "$pid" 2>/dev/null || fail "the Neo4j test server exited during start-up"
    (( SECONDS < deadline )) || fail "the Neo4j test server did not become ready within ${timeout} s"
    if [[ -z $uri ]]; then
        uri="$(sed -n 's/^READY \(bolt:\/\/.*\)$/\1/p' "$log" | head -n 1 || true)"
    fi
    # READY means Bolt answered a handshake; check from here too that the port connects.
    if [[ -n $uri ]] && (exec 3<>"/dev/tcp/127.0.0.1/${uri##*:}") 2>/dev/null; then
        break
    fi
    sleep 0.5
done
echo "$uri" > "$urifile"
echo "start.sh: Neo4j test server ready at $uri (pid $pid, log $log)" >&2
echo "$uri"
