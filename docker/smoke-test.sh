#!/usr/bin/env bash
# Compose smoke test: runs the commands of docker/README.md ("Run with Docker Compose") in order:
# up, wait until healthy, ingest an article through instance 1, query it through instance 2, down.
# Needs the app image (docker-compose -f docker/docker-compose.yml build, or APP_IMAGE=...).
# Env: COMPOSE (default docker-compose; "docker compose" for v2), COMPOSE_PROJECT_NAME, and the
# image/port variables of docker-compose.yml. .ci/run passes local images and free ports.
set -euo pipefail
cd "$(dirname "$0")/.."
COMPOSE=${COMPOSE:-docker-compose}
APP1=http://localhost:${APP1_PORT:-8080}
APP2=http://localhost:${APP2_PORT:-8082}
step() { printf '[smoke +%ss] %s\n' "$SECONDS" "$*"; }
fail() { printf '[smoke] FAILED: %s\n' "$*" >&2; exit 1; }

finish() {
  rc=$?
  if [ $rc -ne 0 ]; then
    $COMPOSE -f docker/docker-compose.yml ps || true
    $COMPOSE -f docker/docker-compose.yml logs --no-color --tail=60 || true
  fi
  step "down"
  $COMPOSE -f docker/docker-compose.yml down -v --remove-orphans
  exit $rc
}
trap finish EXIT

step "up"
$COMPOSE -f docker/docker-compose.yml up -d

step "wait until all four services are healthy"
for i in $(seq 1 90); do
  healthy=$($COMPOSE -f docker/docker-compose.yml ps | grep -c '(healthy)' || true)
  [ "$healthy" -ge 4 ] && break
  [ "$i" -lt 90 ] || fail "only $healthy of 4 services healthy after 180 s"
  sleep 2
done
$COMPOSE -f docker/docker-compose.yml ps
curl -fsS "$APP1/ready?caughtUp=true"; echo
curl -fsS "$APP2/ready?caughtUp=true"; echo

step "ingest an article through instance 1"
curl -fsS -X POST -H 'Content-Type: text/plain; charset=utf-8' --data-binary @docker/sample-article.txt \
  "$APP1/api/articles?published=2025-03-10&id=chengde-1"
echo

step "query it through instance 2 (承德 / 空气质量综合指数: latest, as of 2020, history)"
INDICATOR="$APP2/api/indicators/%E6%89%BF%E5%BE%B7/%E7%A9%BA%E6%B0%94%E8%B4%A8%E9%87%8F%E7%BB%BC%E5%90%88%E6%8C%87%E6%95%B0"
# the article's two values are indexed one after the other: wait for both, not the first
for i in $(seq 1 60); do
  [ "$(curl -fsS "$INDICATOR/history" 2>/dev/null | grep -o '"value":' | wc -l)" -ge 2 ] && break
  [ "$i" -lt 60 ] || fail "history not complete through instance 2 after 60 s"
  sleep 1
done
curl -fsS -D - "$INDICATOR" | tee /tmp/smoke-latest.$$ ; echo
grep -q '"value":3.05' /tmp/smoke-latest.$$ || fail "latest is not 3.05"
grep -q '"period":"2024"' /tmp/smoke-latest.$$ || fail "latest period is not 2024"
curl -fsS "$INDICATOR?asOf=2020" | tee /tmp/smoke-asof.$$ ; echo
grep -q '"value":6.12' /tmp/smoke-asof.$$ || fail "as of 2020 is not 6.12"
curl -fsS "$INDICATOR/history" | tee /tmp/smoke-history.$$ ; echo
tr -d ' \n' < /tmp/smoke-history.$$ | grep -q '"value":6.12.*"value":3.05' || fail "history is not [6.12, 3.05]"
rm -f /tmp/smoke-*.$$
step "PASSED: ingested through instance 1, latest 3.05 (2024), asOf 2020 6.12 (2015), history [6.12, 3.05] through instance 2"
