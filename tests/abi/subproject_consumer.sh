#!/usr/bin/env bash
# A tiny outside meson project that pulls this one in as a subproject and uses
# dependency('sspr-errors') (declare_dependency + meson.override_dependency).
set -euo pipefail
srcroot=$1 consumer=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/app/subprojects/sspr-errors"
# a copy of the source tree, without build directories
tar -C "$srcroot" --exclude='./build*' --exclude=./.git --exclude='./bindings/*/target' -cf - . \
    | tar -C "$tmp/app/subprojects/sspr-errors" -xf -
cp "$consumer" "$tmp/app/consumer.c"
cat > "$tmp/app/meson.build" <<'MESON'
project('consumer', 'c', default_options: ['c_std=c99', 'warning_level=3', 'werror=true'])
dep = dependency('sspr-errors')
executable('consumer', 'consumer.c', dependencies: dep)
MESON
meson setup "$tmp/build" "$tmp/app" --force-fallback-for=sspr-errors >/dev/null
ninja -C "$tmp/build" >/dev/null
out=$("$tmp/build/consumer")
echo "subproject: $out"
echo "1 passed, 0 failed"
