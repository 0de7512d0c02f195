#!/usr/bin/env bash
# Writes N short articles (one .txt each) into DIR, cycling over the prefectures of the
# gazetteer; each article yields 2 observations (数据中心项目, 5G基站) for its city.
# usage: benchmarks/gen-articles.sh DIR N [SEED]
set -euo pipefail
dir=$1; n=$2; seed=${3:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
awk -F'\t' -v n="$n" -v seed="$seed" -v dir="$dir" '
  !/^#/ && $4 == "PREFECTURE" { city[c++] = $3 }
  END {
    srand(seed)
    for (i = 0; i < n; i++) {
      file = sprintf("%s/a%06d.txt", dir, i)
      printf "截至去年底，%s数据中心项目达到%d个，5G基站达到%d个。\n", city[i % c], 1 + int(rand() * 500), 100 + int(rand() * 90000) > file
      close(file)
    }
  }' "$root/streams-app/src/main/resources/regions/gazetteer.tsv"
