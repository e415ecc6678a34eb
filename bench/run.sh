#!/usr/bin/env bash
# The benchmark suite of issue #13: builds the WAR and the bench classes, then runs every scenario against
# the real app (java -jar target/arbdesk.war, production mode, 127.0.0.1) and the bare reference servlet.
# Arguments go to com.arbdesk.bench.BenchMain: --quick, --duration=15, --connections=32, --runs=3,
# --sockets=5000, --sizes=1000,20000,100000, --wsRate=500, --idleUsers=20, --heavyDeposits=10000,
# --poolPerSecond=15000, --output=BENCHMARKS.md, --postgres (then the PostgreSQL section of issue #14),
# --only=postgres (that section alone), --pgRate=100. Set BENCH_SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -B -q -o -Pbench -DskipTests package || ./mvnw -B -q -Pbench -DskipTests package
fi
exec java -Xss512k -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.arbdesk.bench.BenchMain --war=target/arbdesk.war "$@"
