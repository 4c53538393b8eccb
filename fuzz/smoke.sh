#!/usr/bin/env bash
# A bounded run of one libFuzzer harness: new inputs go to a temporary corpus
# (first directory), the committed seed corpus is only read.
#   smoke.sh HARNESS SECONDS SEED-CORPUS
set -euo pipefail
harness=$(realpath "$1") seconds=$2 seeds=$(realpath "$3")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" # crash reproducers (crash-*, leak-*) land here and are printed by libFuzzer
"$harness" "$tmp" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | tail -n 25
