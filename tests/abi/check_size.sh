#!/usr/bin/env bash
# Size budget: the stripped shared library and the amalgamation's object file
# must each stay under 256 KiB. Sizes are deterministic, so this is a test.
set -euo pipefail
lib=$1 amalgamation=$2 headers=$3
cc=${CC:-cc}
budget=$((256 * 1024))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
strip --strip-unneeded -o "$tmp/lib.so" "$lib"
$cc -std=c99 -O2 -c "$amalgamation" -I"$headers" -o "$tmp/amalgamation.o"
strip --strip-unneeded "$tmp/amalgamation.o"
failed=0
for f in lib.so amalgamation.o; do
    size=$(stat -c %s "$tmp/$f")
    awk -v f="$f" -v s="$size" -v b="$budget" 'BEGIN { printf "%-16s %7d bytes (%5.1f%% of the 256 KiB budget)\n", f, s, s * 100 / b }'
    [ "$size" -lt "$budget" ] || { echo "$f is over budget"; failed=1; }
done
echo "$((1 - failed)) passed, $failed failed"
exit $failed
