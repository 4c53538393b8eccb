#!/usr/bin/env bash
# Builds the consumer from the two-file drop-in (sspr-errors.c + sspr-errors.h)
# alone, with nothing but a C99 compiler, as a vendor would.
set -euo pipefail
amalgamation=$1 header=$2 consumer=$3
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$amalgamation" "$header" "$tmp/"
(cd "$tmp" && $cc -std=c99 -pedantic -Wall -Wextra -Werror -c sspr-errors.c)
$cc -std=c99 -pedantic -Wall -Wextra -Werror -I"$tmp" "$consumer" "$tmp/sspr-errors.o" -o "$tmp/consumer"
echo "amalgamation: $("$tmp/consumer")"
echo "1 passed, 0 failed"
