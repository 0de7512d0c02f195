#!/usr/bin/env bash
# Query API load benchmark (issue 4): two app instances sharing the partitions; wrk against
# instance 1 for
#   health  GET /health                                   (the HTTP-stack bound)
#   local   GET /api/indicators/{region}/{id}, keys whose active copy is on instance 1
#   remote  the same for keys whose active copy is on instance 2 (forwarded over HTTP)
# first closed-loop at saturation (throughput), then at an approximately fixed offered rate
# (wrk's Lua delay(): RATE_CONNS connections each waiting DELAY_MS after every response).
# Prints a Markdown table; raw wrk output goes to $OUT.
#
# usage: benchmarks/query-load.sh            (from the repo root; builds the jar when missing)
# env:   PORT_BASE=28000  ARTICLES=668  THREADS=2  CONNS=16  DURATION=20s  WARMUP=10s
#        RATE_CONNS=55  DELAY_MS=10  JAVA_OPTS=  OUT=benchmarks/results/query-<time>  KEEP=0 (1: leave the instances running)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
PORT_BASE=${PORT_BASE:-28000}
ARTICLES=${ARTICLES:-668}
THREADS=${THREADS:-2}
CONNS=${CONNS:-16}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
RATE_CONNS=${RATE_CONNS:-55}
DELAY_MS=${DELAY_MS:-10}
OUT=${OUT:-$root/benchmarks/results/query-$(date +%Y%m%d-%H%M%S)}
KEEP=${KEEP:-0}
JAR=$root/streams-app/target/regional-metrics.jar
LUA=$root/benchmarks/wrk/paths.lua
KAFKA=$((PORT_BASE + 92)); REGISTRY=$((PORT_BASE + 81)); HTTP1=$((PORT_BASE + 80)); HTTP2=$((PORT_BASE + 82))
API1=http://127.0.0.1:$HTTP1

command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || sudo apt-get install -y wrk >/dev/null; }
command -v jq >/dev/null || { echo "jq is required" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q -DskipTests package
mkdir -p "$OUT"
work=$(mktemp -d)
pids=()
cleanup() {
  if [ "$KEEP" != 1 ]; then
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$work"
  else
    echo "instances left running: pids ${pids[*]}, data under $work" >&2
  fi
}
trap cleanup EXIT

await() { # URL SECONDS
  for _ in $(seq "$2"); do curl -sf "$1" >/dev/null && return 0; sleep 1; done
  echo "timed out waiting for $1" >&2; return 1
}

echo "starting instance 1 (embedded broker :$KAFKA, registry :$REGISTRY, http :$HTTP1)" >&2
RM_EMBEDDED_KAFKA_PORT=$KAFKA RM_EMBEDDED_REGISTRY_PORT=$REGISTRY RM_DATA_DIR=$work/d1 RM_NUM_STANDBY_REPLICAS=1 \
  java ${JAVA_OPTS:-} -jar "$JAR" run --http-port "$HTTP1" >"$OUT/instance1.log" 2>&1 &
pids+=($!)
await "$API1/ready?caughtUp=true" 120
echo "starting instance 2 (http :$HTTP2)" >&2
java ${JAVA_OPTS:-} -jar "$JAR" run --bootstrap-servers 127.0.0.1:$KAFKA --schema-registry-url http://127.0.0.1:$REGISTRY \
  --http-port "$HTTP2" --data-dir "$work/d2" >"$OUT/instance2.log" 2>&1 &
pids+=($!)
await "http://127.0.0.1:$HTTP2/ready?caughtUp=true" 120
# both instances RUNNING with active partitions each
for _ in $(seq 120); do
  n=$(curl -s "$API1/api/instances" | jq '[.instances[] | select(.state == "RUNNING" and (.activePartitions | length) > 0)] | length' 2>/dev/null || echo 0)
  [ "$n" = 2 ] && break; sleep 1
done
curl -s "$API1/api/instances" | jq -c '.instances[] | {host, state, activePartitions, standbyPartitions}' >&2

echo "ingesting $ARTICLES articles" >&2
"$root/benchmarks/gen-articles.sh" "$work/articles" "$ARTICLES"
java -jar "$JAR" ingest --api "$API1" --published 2025-03-10 --progress none --wait 0 "$work/articles" >&2
cities=$(awk -F'\t' '!/^#/ && $4 == "PREFECTURE"' streams-app/src/main/resources/regions/gazetteer.tsv | wc -l)
expected=$((2 * (ARTICLES < cities ? ARTICLES : cities)))
keys() { # every indicator key as a request path, walking the search cursor
  local cursor="" r
  while :; do
    r=$(curl -s "$API1/api/indicators?limit=1000${cursor:+&cursor=$cursor}")
    echo "$r" | jq -r '.items[] | "/api/indicators/\(.region | @uri)/\(.indicator | @uri)"'
    cursor=$(echo "$r" | jq -r '.nextCursor // empty')
    [ -z "$cursor" ] && break
  done
}
for _ in $(seq 180); do
  keys >"$work/paths.txt"
  [ "$(wc -l <"$work/paths.txt")" -ge "$expected" ] && break; sleep 1
done
echo "$(wc -l <"$work/paths.txt") keys (expected $expected)" >&2

# classify by who answered when instance 1 was asked
sed "s|.*|url = \"$API1&\"\noutput = /dev/null|" "$work/paths.txt" \
  | curl -s -K - -w '%{http_code} %header{x-served-by} %{url_effective}\n' >"$work/served.txt"
awk -v me="127.0.0.1:$HTTP1" '$1 == 200 && $2 == me {print $3}' "$work/served.txt" | sed "s|^$API1||" >"$OUT/local.txt"
awk -v other="127.0.0.1:$HTTP2" '$1 == 200 && $2 == other {print $3}' "$work/served.txt" | sed "s|^$API1||" >"$OUT/remote.txt"
echo /health >"$OUT/health.txt"
echo "keys: $(wc -l <"$OUT/local.txt") local to instance 1, $(wc -l <"$OUT/remote.txt") on instance 2" >&2

run() { # NAME MODE(sat|rate) -> wrk output in $OUT/NAME-MODE.txt
  local name=$1 mode=$2
  if [ "$mode" = rate ]; then
    WRK_DELAY_MS=$DELAY_MS wrk -t"$THREADS" -c"$RATE_CONNS" -d"$DURATION" --latency -s "$LUA" "$API1" -- "$OUT/$name.txt"
  else
    wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s "$LUA" "$API1" -- "$OUT/$name.txt"
  fi >"$OUT/$name-$mode.txt"
}
ms() { # wrk latency (e.g. 566.00us, 1.20ms, 1.01s) in ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
field() { # FILE: rps p50 p99 errors
  local f=$1
  local rps p50 p99 non2xx sock
  rps=$(awk '/^Requests\/sec/ {print $2}' "$f")
  p50=$(ms "$(awk '$1 == "50%" {print $2}' "$f")")
  p99=$(ms "$(awk '$1 == "99%" {print $2}' "$f")")
  non2xx=$(awk -F: '/Non-2xx/ {gsub(/ /, "", $2); print $2}' "$f"); non2xx=${non2xx:-0}
  sock=$(grep -c 'Socket errors' "$f" || true)
  echo "$rps $p50 $p99 $non2xx $sock"
}

load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "warm-up ($WARMUP each)" >&2
for name in health local remote; do
  wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -s "$LUA" "$API1" -- "$OUT/$name.txt" >/dev/null
done
for mode in sat rate; do
  for name in health local remote; do
    echo "$name at $mode ($DURATION)" >&2
    run "$name" "$mode"
  done
done

{
  echo "Query API, instance 1 of 2 ($(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores; load average before the runs: $load)"
  echo
  echo "| path | mode | req/s | p50 ms | p99 ms | non-2xx | socket errors | req/s ÷ health | p99 ÷ health p99 |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  for mode in sat rate; do
    read -r hrps _ _ <<<"$(field "$OUT/health-$mode.txt")"
    read -r _ _ hp99 _ <<<"$(field "$OUT/health-$mode.txt")"
    for name in health local remote; do
      read -r rps p50 p99 non2xx sock <<<"$(field "$OUT/$name-$mode.txt")"
      label=$([ "$mode" = sat ] && echo "saturation, $CONNS conns" || echo "paced, $RATE_CONNS conns × ${DELAY_MS} ms delay")
      ratio=$(awk -v a="$rps" -v b="$hrps" 'BEGIN { printf "%.2f", a / b }')
      lratio=$(awk -v a="$p99" -v b="$hp99" 'BEGIN { printf "%.1f", a / b }')
      echo "| $name | $label | ${rps%.*} | $p50 | $p99 | $non2xx | $sock | $ratio | $lratio |"
    done
  done
} | tee "$OUT/summary.md"
