#!/usr/bin/env bash
# Third-party check: the zero-config app's metric-events are readable by Confluent-ecosystem
# clients that are not ours (KafkaJS + @kafkajs/confluent-schema-registry, tools/confluent-check)
# through the registry the app serves. Starts the app from the jar on free ports, posts an
# article, decodes the event, stops the app.
# Exit 0: passed; 77: skipped (no node; the reason is printed as "SKIPPED: ..."); else: failed.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=streams-app/target/regional-metrics.jar
command -v node >/dev/null || { echo "[confluent-check] SKIPPED: no node on PATH (Node.js and npm are needed)"; exit 77; }
command -v npm >/dev/null || { echo "[confluent-check] SKIPPED: no npm on PATH (Node.js and npm are needed)"; exit 77; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
KAFKA=$(free_port); REGISTRY=$(free_port); HTTP=$(free_port)
DATA=$(mktemp -d /tmp/rm-confluent-check.XXXXXX)
RM_EMBEDDED_KAFKA_PORT=$KAFKA RM_EMBEDDED_REGISTRY_PORT=$REGISTRY RM_DATA_DIR=$DATA \
  java -jar "$JAR" run --http-port "$HTTP" >"$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP/ready?caughtUp=true" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$HTTP/ready?caughtUp=true" >/dev/null || { tail -20 "$DATA/app.log"; exit 1; }
curl -sf -X POST "http://127.0.0.1:$HTTP/api/articles?published=2025-03-01&id=confluent-check" \
  -H 'Content-Type: text/plain; charset=utf-8' --data-binary '截至去年底，廊坊市算力规模达3.5万P。'
echo
(cd tools/confluent-check && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
node tools/confluent-check/check.mjs "127.0.0.1:$KAFKA" "http://127.0.0.1:$REGISTRY" 廊坊 算力规模 35000
