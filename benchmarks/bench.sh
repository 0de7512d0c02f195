#!/usr/bin/env bash
# The benchmark runner (see BENCHMARKS.md): builds what is missing, installs wrk for the query
# load when it can, and runs com.regionalmetrics.bench.Bench with the app's jar on the classpath.
#
#   benchmarks/bench.sh pipeline [--articles 40000] [--phases pipeline,latency,queries] ...
#   benchmarks/bench.sh scale [--keys 1000000] ...
#   benchmarks/bench.sh query [--rate 5000 --seconds 20] [--smoke] [--jfr]   (two instances, open loop)
#   benchmarks/bench.sh startup [--rounds 3] [--baseline-jar main.jar] [--no-cds] [--aot-java jdk25/bin/java] [--no-plain] [--smoke]   (time to /ready)
#   benchmarks/bench.sh pipeline --help
#
# Run from anywhere; paths in options are relative to the repository root.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
JAR=streams-app/target/regional-metrics.jar
BENCH=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] && [ -f "$BENCH" ] || mvn -B -q -DskipTests package
if ! command -v wrk >/dev/null; then
  { apt-get install -y wrk || sudo -n apt-get install -y wrk; } >/dev/null 2>&1 \
    || echo "wrk could not be installed: the query load will be skipped" >&2
fi
exec java -Dlogback.configurationFile=benchmarks/logback-bench.xml ${BENCH_JAVA_OPTS:-} -cp "$JAR:$BENCH" com.regionalmetrics.bench.Bench "$@"
