#!/bin/bash
# Kafka broker image (KRaft broker+controller, env conventions of apache/kafka) from Maven Central jars.
# Usage: build.sh BASE_IMAGE [KAFKA_VERSION]   (prints localhost/rm-kafka:<version>-<recipe hash>)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
BASE=${1:?base image}
KAFKA_VERSION=${2:-4.4.0}
LOG4J_VERSION=${LOG4J_VERSION:-2.25.5}
NAME=localhost/rm-kafka
HASH=$(recipe_hash "$0" "$HERE"/pom.xml "$HERE"/Containerfile "$HERE"/run "$HERE"/*.properties "$HERE"/bin/* \
       "$KAFKA_VERSION $LOG4J_VERSION" "$(podman image inspect -f '{{.Id}}' "$BASE")")
REF=$NAME:$KAFKA_VERSION-$HASH
if image_current "$REF"; then log "$REF is up to date"; echo "$REF"; exit 0; fi

log "building $REF"
CTX=$(mktemp -d /tmp/kafka-image.XXXXXX); trap 'rm -rf "$CTX"' EXIT
cp -r "$HERE"/Containerfile "$HERE"/run "$HERE"/*.properties "$HERE"/bin "$CTX"/
mvn -q -B -Dstyle.color=never -f "$HERE/pom.xml" -Dkafka.version="$KAFKA_VERSION" -Dlog4j.version="$LOG4J_VERSION" \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$CTX/libs" >&2
podman build -q --layers=false --build-arg BASE="$BASE" -t "$REF" "$CTX" >&2
prune_old "$NAME" "$REF"
echo "$REF"
