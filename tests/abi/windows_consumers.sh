#!/usr/bin/env bash
# Windows (cross build): the DLL exports exactly the version script's names,
# and an outside program links, with no define, to the installed DLL (through
# its import library and pkg-config), to the static library (pkg-config
# --static) and to the amalgamation; each program runs under wine.
#
# usage: windows_consumers.sh BUILDDIR CONSUMER.c WINE AMALGAMATION MAPFILE  (CC: the cross compiler)
set -euo pipefail
build=$1 consumer=$2 wine=$3 amalgamation=$4 mapfile=$5
cc=${CC:?CC must name the cross compiler}
read -r -a cc_cmd <<<"$cc"
objdump=${cc_cmd[0]%gcc}objdump
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export WINEDEBUG=-all
failed=0 passed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }

exports() { "$objdump" -p "$1" | awk '/\[Ordinal\/Name Pointer\] Table/ { t = 1; next }
    t && /^\t\[/ { print $NF; next } t && !/^\t/ { t = 0 }'; }
imports() { "$objdump" -p "$1" | sed -n 's/^\tDLL Name: //p'; }
run() { # run NAME EXE [WINEPATH]: prints what it printed, fails when it fails
    local out
    if out=$(WINEPATH=${3:-} "$wine" "$2" 2>&1) && [ "${out%$'\r'}" = "adsync-hr-800700ce $version" ]; then
        ok "$1: $out"
    else
        bad "$1: $out"
    fi
}

meson install -C "$build" --destdir "$tmp/dest" --no-rebuild --quiet >/dev/null
pc=$(find "$tmp/dest" -name sspr-errors.pc | head -n 1)
[ -n "$pc" ] || { echo "no sspr-errors.pc installed"; exit 1; }
prefix=$(sed -n 's/^prefix=//p' "$pc")
version=$(sed -n 's/^Version: //p' "$pc")
root=$tmp/dest$prefix
export PKG_CONFIG_PATH=$(dirname "$pc") PKG_CONFIG_LIBDIR=$(dirname "$pc")
pkg() { pkg-config --define-variable=prefix="$root" "$@" sspr-errors; }
dll=$(cd "$root/bin" && ls libsspr-errors-*.dll)

# The exports: the version script's names, nothing else.
want=$(sed -n 's/^[[:space:]]*\(sspr_[A-Za-z0-9_]*\);.*/\1/p' "$mapfile" | sort)
got=$(exports "$root/bin/$dll" | sort)
if [ "$want" = "$got" ]; then
    ok "$dll exports the $(echo "$got" | wc -l) functions of the version script"
else
    bad "$dll exports differ from the version script:"
    diff <(echo "$want") <(echo "$got") | sed 's/^/    /' || true
fi

flags=(-std=c99 -pedantic -Wall -Wextra -Werror)

# The DLL, through its import library.
"${cc_cmd[@]}" "${flags[@]}" "$consumer" $(pkg --cflags --libs) -o "$tmp/consumer-dll.exe"
imports "$tmp/consumer-dll.exe" | grep -qx "$dll" || bad "consumer-dll.exe does not import $dll"
run "DLL ($dll)" "$tmp/consumer-dll.exe" "Z:$root/bin"

# The static library: no DLL of ours imported, nothing exported.
"${cc_cmd[@]}" "${flags[@]}" "$consumer" $(pkg --static --cflags --libs) -static \
    -o "$tmp/consumer-static.exe"
if imports "$tmp/consumer-static.exe" | grep -q sspr; then bad "consumer-static.exe imports our DLL"; fi
if [ -n "$(exports "$tmp/consumer-static.exe")" ]; then bad "consumer-static.exe exports functions"; fi
run "static library" "$tmp/consumer-static.exe"

# The amalgamation: the two files alone.
mkdir "$tmp/amalgamation"
cp "$amalgamation" "$root/include/sspr-errors.h" "$tmp/amalgamation/"
(cd "$tmp/amalgamation" && "${cc_cmd[@]}" "${flags[@]}" -c sspr-errors.c)
"${cc_cmd[@]}" "${flags[@]}" -I"$tmp/amalgamation" "$consumer" "$tmp/amalgamation/sspr-errors.o" \
    -o "$tmp/consumer-amalgamation.exe"
run "amalgamation" "$tmp/consumer-amalgamation.exe"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
