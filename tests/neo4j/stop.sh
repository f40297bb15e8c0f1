#!/usr/bin/env bash
# Stop the Neo4j test server that tests/neo4j/start.sh started (SIGTERM: a clean
# shutdown; SIGKILL after 30 s). Not running: says so and succeeds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="$here/data"
pidfile="$data/neo4j.pid" urifile="$data/neo4j.uri"

pid="$(cat "$pidfile" 2>/dev/null || true)"
if [[ -z $pid ]] || ! tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "--dir $data/db"; then
    echo "stop.sh: the Neo4j test server is not running" >&2
    rm -f "$pidfile" "$urifile"
    exit 0
fi
kill -TERM "$pid"
for _ in $(seq 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    echo "stop.sh: no clean shutdown after 30 s; killing pid $pid" >&2
    kill -KILL "$pid" 2>/dev/null || true
fi
rm -f "$pidfile" "$urifile"
echo "stop.sh: the Neo4j test server (pid $pid) stopped" >&2
