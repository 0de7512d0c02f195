#!/usr/bin/env bash
# Pipeline throughput benchmark: one app instance in its zero-config mode (embedded broker and
# registry, exactly-once), fresh data dir; PipelineBench produces ARTICLES short articles to
# articles-text and times them through to committed metric-events, then measures two bounds in
# the same run (a plain consumer of the same records; a produce+consume round trip).
# Prints a Markdown table; the app log and the table go to $OUT.
#
# usage: benchmarks/pipeline.sh              (from the repo root; builds what is missing)
# env:   ARTICLES=20000  PORT_BASE=29000  JAVA_OPTS=  OUT=benchmarks/results/pipeline-<time>
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
ARTICLES=${ARTICLES:-20000}
PORT_BASE=${PORT_BASE:-29000}
OUT=${OUT:-$root/benchmarks/results/pipeline-$(date +%Y%m%d-%H%M%S)}
JAR=$root/streams-app/target/regional-metrics.jar
BENCH=$root/benchmarks/target/benchmarks.jar
KAFKA=$((PORT_BASE + 92)); REGISTRY=$((PORT_BASE + 81)); HTTP=$((PORT_BASE + 80))
[ -f "$JAR" ] && [ -f "$BENCH" ] || mvn -B -q -DskipTests package
mkdir -p "$OUT"
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

RM_EMBEDDED_KAFKA_PORT=$KAFKA RM_EMBEDDED_REGISTRY_PORT=$REGISTRY RM_DATA_DIR=$work/data \
  java ${JAVA_OPTS:-} -jar "$JAR" run --http-port "$HTTP" >"$OUT/app.log" 2>&1 &
pid=$!
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$HTTP/ready" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$HTTP/ready" >/dev/null || { echo "app did not become ready; see $OUT/app.log" >&2; exit 1; }
load=$(cut -d' ' -f1-3 /proc/loadavg)
java -cp "$JAR:$BENCH" com.regionalmetrics.bench.PipelineBench --bootstrap-servers=127.0.0.1:$KAFKA --articles="$ARTICLES" \
  | tee "$OUT/summary.md"
echo "($(nproc) cores; load average at start: $load)" | tee -a "$OUT/summary.md"
