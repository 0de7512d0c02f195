#!/bin/bash
# The app image from docker/Dockerfile (the one users build), on a local base image, from the
# shaded jar that 'mvn -B verify' / 'package' left in streams-app/target.
# Usage: build.sh BASE_IMAGE [JAR]   (prints localhost/rm-app:<recipe hash>)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
ROOT=$(cd "$HERE/../../.." && pwd)
BASE=${1:?base image}
JAR=${2:-$ROOT/streams-app/target/regional-metrics.jar}
NAME=localhost/rm-app
test -f "$JAR" || { log "no $JAR: build it first (mvn -B -DskipTests package)"; exit 1; }
HASH=$(recipe_hash "$0" "$ROOT/docker/Dockerfile" "$(sha256sum < "$JAR")" "$(podman image inspect -f '{{.Id}}' "$BASE")")
REF=$NAME:$HASH
if image_current "$REF"; then log "$REF is up to date"; echo "$REF"; exit 0; fi

log "building $REF"
CTX=$(mktemp -d /tmp/app-image.XXXXXX); trap 'rm -rf "$CTX"' EXIT
ln "$JAR" "$CTX/regional-metrics.jar" 2>/dev/null || cp "$JAR" "$CTX/regional-metrics.jar"
# docker format keeps the Dockerfile's HEALTHCHECK (OCI images have no such field)
podman build -q --format docker --layers=false --build-arg BASE_IMAGE="$BASE" \
  -f "$ROOT/docker/Dockerfile" -t "$REF" "$CTX" >&2
prune_old "$NAME" "$REF"
echo "$REF"
