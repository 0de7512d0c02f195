#!/usr/bin/env bash
# The extractor's output over fixed inputs, for proving that a refactoring changed nothing:
#
#   tools/extract-snapshot.sh /tmp/before      # with the current build
#   ... change the code, mvn -B -q -o -DskipTests package ...
#   tools/extract-snapshot.sh /tmp/after
#   diff -r /tmp/before /tmp/after             # empty = identical output
#
# Sets: dev (/work/shared/corpus/dev or $DEV_CORPUS), fixtures (the extract test fixtures), blind
# (corpus/blind-1 or $BLIND_SET, when it exists), generated (300 articles of the benchmark
# ArticleGenerator, seed $SEED or 42). Each set gives SET.events.jsonl (the lines
# `regional-metrics extract` prints, sorted, with a fixed clock) and SET.observations.txt (the
# Extractor's observations, sorted). One JVM for all articles; uses the jars of the last build.
set -euo pipefail
out=${1:?usage: tools/extract-snapshot.sh OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
JAR=$root/streams-app/target/regional-metrics.jar
BENCH=$root/benchmarks/target/benchmarks.jar
[ -f "$JAR" ] && [ -f "$BENCH" ] || (cd "$root" && mvn -B -q -o -DskipTests package)
rm -rf "$out"; mkdir -p "$out"
sets=(fixtures "$root/streams-app/src/test/resources/extract/fixtures")
dev=${DEV_CORPUS:-/work/shared/corpus/dev}; [ -f "$dev/articles.jsonl" ] && sets+=(dev "$dev")
blind=${BLIND_SET:-$root/corpus/blind-1}; [ -f "$blind/articles.jsonl" ] && sets+=(blind "$blind")
sets+=(generated "${SEED:-42}")
exec java -Dlogback.configurationFile=/dev/null -cp "$JAR:$BENCH" "$root/tools/ExtractSnapshot.java" "$out" "${sets[@]}"
