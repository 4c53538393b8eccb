#!/usr/bin/env bash
# abidiff the built shared library against the committed baseline. Added
# functions are fine (a compatible change, abidiff bit 4); anything abidiff calls
# incompatible (bit 8) fails. Regenerate the baseline for a release with:
#   abidw --no-corpus-path --headers-dir include --out-file abi/libsspr-errors.abi build/src/lib/libsspr-errors.so.1.*
set -u
lib=$1 baseline=$2 headers=$3
if ! command -v abidiff >/dev/null; then
    echo "abidiff not found (Debian package abigail-tools)"
    exit 77
fi
abidiff --headers-dir2 "$headers" "$baseline" "$lib"
rc=$?
if [ $((rc & 1)) -ne 0 ] || [ $((rc & 2)) -ne 0 ]; then
    echo "abidiff failed to run (status $rc)"
    exit 1
fi
if [ $((rc & 8)) -ne 0 ]; then
    echo "INCOMPATIBLE ABI change against $baseline"
    exit 1
fi
[ $((rc & 4)) -ne 0 ] && echo "compatible ABI changes only (see above)"
echo "ABI compatible with the baseline"
exit 0
