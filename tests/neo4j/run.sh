#!/usr/bin/env bash
# Run the Neo4j test server in the foreground (builds it first if needed).
#   tests/neo4j/run.sh [--port N] [--dir PATH] [--conf key=value]...
# Prints "READY bolt://127.0.0.1:PORT" on stdout when Bolt answers; logs go to stderr.
# Port 0 picks a free port. SIGTERM stops it cleanly. JVM options: $NEO4J_JAVA_OPTS
# (default a 512 MB heap). start.sh runs this in the background; the pytest fixture too.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/build.sh"
cd "$here"
# --add-opens: the flags Neo4j's own launcher passes on Java 17 (netty, direct buffers).
# shellcheck disable=SC2086
exec java ${NEO4J_JAVA_OPTS:--Xms128m -Xmx512m} \
    -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    -Dio.netty.tryReflectionSetAccessible=true \
    -cp "target/classes:$(cat target/classpath.txt)" \
    partnergraph.testneo4j.TestServer "$@"
