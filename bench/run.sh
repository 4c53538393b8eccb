#!/usr/bin/env bash
# Runs every benchmark against a configured build and prints the tables the
# README shows:   bench/run.sh build [SCAN-MB]
# Figures are medians of repeated runs; the machine's other load shows in them.
set -euo pipefail
build=${1:-build}
mb=${2:-256}
src=$(cd "$(dirname "$0")/.." && pwd)
ninja -C "$build" bench/bench-lookup bench/bench-search bench/bench-scan bench/bench-cli \
    bench/bench-empty bench/bench-evtx src/cli/sspr-errors >/dev/null
echo "## Lookup (ns per call)"
"$build/bench/bench-lookup" "$src"/catalog/catalog.json "$src"/catalog/events-*.json \
    "$src"/catalog/symptoms.json "$src"/catalog/current-*.json
echo
echo "## Search"
"$build/bench/bench-search" "$src/tests/search/queries.tsv"
echo
echo "## Event-log scanning ($mb MB)"
"$build/bench/bench-scan" "$mb"
echo
echo "## .evtx reading (a generated 100 MB file and the public samples)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$src/tests/evtx/write_evtx.py" --out "$tmp/bulk-100MB.evtx" --bulk 100
"$build/bench/bench-evtx" "$tmp/bulk-100MB.evtx" "$src"/tests/evtx/samples/*.evtx
echo
echo "## CLI process"
"$build/bench/bench-cli" "$build/src/cli/sspr-errors" "$build/bench/bench-empty"
echo
echo "## Build cost against catalogue size"
"$src/bench/build_cost.sh" "$build"
