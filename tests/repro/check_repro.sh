#!/usr/bin/env bash
# Reproducibility: two builds of the same tree, in different directories, give
# byte-identical generated sources and a byte-identical library.
set -euo pipefail
srcroot=$1
version=$2 # the project version: the shared library is libsspr-errors.so.VERSION
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for side in one two; do
    mkdir -p "$tmp/$side/src"
    tar -C "$srcroot" --exclude='./build*' --exclude=./.git --exclude='./bindings/*/target' -cf - . \
        | tar -C "$tmp/$side/src" -xf -
    meson setup "$tmp/$side/build" "$tmp/$side/src" -Dbuildtype=release >/dev/null
    ninja -C "$tmp/$side/build" src/lib/libsspr-errors.so.$version src/lib/libsspr-errors.a src/lib/sspr-errors.c >/dev/null
done
failed=0 compared=0
cd "$tmp/one/build/src/lib"
for f in *.inc *.gperf sspr-errors.c libsspr-errors.so.$version libsspr-errors.a; do
    [ -e "$f" ] || continue
    compared=$((compared + 1))
    if ! cmp -s "$f" "$tmp/two/build/src/lib/$f"; then
        echo "differs between two builds: $f"
        failed=1
    fi
done
echo "$compared files compared"
echo "$((1 - failed)) passed, $failed failed"
exit $failed
