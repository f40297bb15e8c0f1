#!/usr/bin/env bash
# Build the Neo4j test launcher when needed (quiet): compiles the one main class and writes
# target/classpath.txt (the Neo4j jars in ~/.m2). Rebuilds when pom.xml or the source is
# newer than the last build, or when a jar on the classpath has gone (a wiped ~/.m2).
# Extra Maven options come from $NEO4J_MVN_OPTS (e.g. -Dmaven.repo.local=/tmp/m2-cold).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

stamp=target/classpath.txt
up_to_date() {
    [[ -s $stamp && -f target/classes/partnergraph/testneo4j/TestServer.class ]] || return 1
    [[ -z "$(find pom.xml src -newer "$stamp" -print -quit)" ]] || return 1
    local jar
    IFS=: read -r -a jars < "$stamp"
    for jar in "${jars[@]}"; do [[ -f $jar ]] || return 1; done
}

if up_to_date; then
    exit 0
fi
for tool in java mvn; do
    command -v "$tool" >/dev/null || { echo "build.sh: '$tool' not found; install Java 17 and Maven (apt-get install openjdk-17-jdk-headless maven)" >&2; exit 1; }
done
echo "build.sh: building the Neo4j test launcher (first run downloads ~170 MB into ~/.m2)" >&2
mkdir -p target
# shellcheck disable=SC2086
if ! mvn -q -B ${NEO4J_MVN_OPTS:-} compile >target/build.log 2>&1; then
    cat target/build.log >&2
    echo "build.sh: Maven build failed (log above)" >&2
    exit 1
fi
rm -f target/build.log
touch "$stamp"
