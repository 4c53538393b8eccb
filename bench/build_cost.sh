#!/usr/bin/env bash
# Build cost against catalogue size: for synthetic catalogues of N entries, the
# time of the generator, of gperf over every table (all shards), of compiling
# the library, and the stripped library's size. Run from a configured build:
#   bench/build_cost.sh BUILD_DIR [N...]      (default N: 1000 10000 50000)
set -euo pipefail
build=$(cd "$1" && pwd)
shift
sizes=("$@")
[ $# -gt 0 ] || sizes=(1000 10000 50000)
src=$(cd "$(dirname "$0")/.." && pwd)
ninja -C "$build" gen/sspr-gen gen/sspr-gperf-bundle >/dev/null
gen=$build/gen/sspr-gen
bundle=$build/gen/sspr-gperf-bundle
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

printf '%8s %10s %10s %10s %10s %12s\n' entries "gen s" "gperf s" "cc s" "total s" "lib KiB"
for n in "${sizes[@]}"; do
    d=$tmp/$n
    mkdir -p "$d/out"
    $py "$src/bench/synth_catalog.py" "$n" "$d/catalog.json"
    t0=$(date +%s%N)
    "$gen" --outdir "$d/out" "$d/catalog.json"
    t1=$(date +%s%N)
    for t in ids names messages; do
        "$bundle" gperf "$d/out/$t.inc" "$d/out/$t.gperf"
    done
    "$bundle" gperf "$d/out/search-terms.inc" "$d/out/search.gperf"
    t2=$(date +%s%N)
    cc -std=c11 -O2 -fPIC -shared -fvisibility=hidden -DSSPR_BUILDING \
        -I"$d/out" -I"$src/src/lib" -I"$src/src/lib/scan" -I"$src/src/common" -I"$src/include" \
        "$src"/src/lib/*.c "$src"/src/lib/scan/*.c "$src"/src/common/*.c \
        -Wl,--version-script="$src/src/lib/libsspr-errors.map" -lm -o "$d/lib.so"
    t3=$(date +%s%N)
    strip --strip-unneeded "$d/lib.so"
    printf '%8d %10s %10s %10s %10s %12d\n' "$n" "$(secs "$t0" "$t1")" "$(secs "$t1" "$t2")" \
        "$(secs "$t2" "$t3")" "$(secs "$t0" "$t3")" $(( $(stat -c %s "$d/lib.so") / 1024 ))
    rm -rf "$d"
done
