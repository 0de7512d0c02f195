#!/bin/bash
# Apicurio Registry image from its Maven Central distribution (io.apicurio:apicurio-registry-app,
# tar.gz, classifier all), on a Java 21+ base.
# Usage: build.sh BASE_IMAGE [APICURIO_VERSION]   (prints localhost/rm-apicurio:<version>-<recipe hash>)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
BASE=${1:?base image (Java 21+)}
VERSION=${2:-3.3.3}
NAME=localhost/rm-apicurio
HASH=$(recipe_hash "$0" "$HERE"/Containerfile "$HERE"/run "$VERSION" "$(podman image inspect -f '{{.Id}}' "$BASE")")
REF=$NAME:$VERSION-$HASH
if image_current "$REF"; then log "$REF is up to date"; echo "$REF"; exit 0; fi

log "building $REF"
CTX=$(mktemp -d /tmp/apicurio-image.XXXXXX); trap 'rm -rf "$CTX"' EXIT
cp "$HERE"/Containerfile "$HERE"/run "$CTX"/
# the 158 MB distribution is cached in the local Maven repository after the first run
mvn -q -B -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
  -Dartifact="io.apicurio:apicurio-registry-app:$VERSION:tar.gz:all" \
  -DoutputDirectory="$CTX/quarkus-app" -Dmdep.overWriteReleases=true >&2
test -f "$CTX/quarkus-app/quarkus-run.jar"
podman build -q --layers=false --build-arg BASE="$BASE" -t "$REF" "$CTX" >&2
prune_old "$NAME" "$REF"
echo "$REF"
