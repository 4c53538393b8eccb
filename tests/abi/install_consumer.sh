#!/usr/bin/env bash
# Installs the build into a temporary prefix, then builds and runs an outside
# program against it through pkg-config, once shared and once fully static.
set -euo pipefail
build=$1 consumer=$2
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
meson install -C "$build" --destdir "$tmp" --no-rebuild --quiet >/dev/null
pc=$(find "$tmp" -name sspr-errors.pc | head -n 1)
[ -n "$pc" ] || { echo "no sspr-errors.pc installed"; exit 1; }
prefix=$(sed -n 's/^prefix=//p' "$pc")
export PKG_CONFIG_PATH=$(dirname "$pc")
pkg() { pkg-config --define-variable=prefix="$tmp$prefix" "$@" sspr-errors; }
failed=0

# shared
$cc -std=c99 -Wall -Wextra -Werror "$consumer" $(pkg --cflags --libs) -o "$tmp/consumer-shared"
libdir=$(pkg --variable=libdir)
if out=$(LD_LIBRARY_PATH=$libdir "$tmp/consumer-shared"); then
    echo "shared: $out"
    readelf -d "$tmp/consumer-shared" | grep -q 'NEEDED.*libsspr-errors.so.1' \
        || { echo "shared consumer does not need libsspr-errors.so.1"; failed=1; }
else
    echo "shared consumer failed"; failed=1
fi

# static: the whole program linked statically, so no libsspr-errors.so is needed
$cc -std=c99 -Wall -Wextra -Werror "$consumer" $(pkg --static --cflags --libs) -static -o "$tmp/consumer-static"
if out=$("$tmp/consumer-static"); then
    echo "static: $out"
    if readelf -d "$tmp/consumer-static" 2>/dev/null | grep -q NEEDED; then
        echo "static consumer has dynamic dependencies"; failed=1
    fi
else
    echo "static consumer failed"; failed=1
fi

# what the install holds
for f in include/sspr-errors.h share/sspr-errors/amalgamation/sspr-errors.c bin/sspr-errors; do
    [ -e "$tmp$prefix/$f" ] || { echo "not installed: $f"; failed=1; }
done
echo "$((1 - failed)) passed, $failed failed"
exit $failed
