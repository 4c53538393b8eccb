#!/usr/bin/env bash
# A 100,000-entry catalogue (or N entries) is accepted by the generator
# (validation and every whole-catalogue check) without crashing. No timing is
# asserted.
set -euo pipefail
py=$1 synth=$2 gen=$3 n=${4:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$py" "$synth" "$n" "$tmp/big.json"
if "$gen" --check "$tmp/big.json"; then
    echo "$n entries accepted"
    echo "1 passed, 0 failed"
else
    echo "the generator rejected a valid $n-entry catalogue (status $?)"
    echo "0 passed, 1 failed"
    exit 1
fi
