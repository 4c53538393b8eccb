#!/usr/bin/env bash
# Scale: the generator (validation and every whole-catalogue check) handles,
# without crashing,
#   1. a catalogue of N entries (100,000 by default): accepted;
#   2. a chain of CHAIN procedures (150,000 by default), each pointing at the
#      next: accepted (the circle check walks it with its own stack; a
#      recursive walk overflowed the C stack near 105,000);
#   3. the same chain closed into a circle: exactly one error, the circle.
# No timing is asserted.
set -euo pipefail
py=$1 synth=$2 gen=$3 n=${4:-100000} chain=${5:-150000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
result() { # ok message
    if [ "$1" = 1 ]; then passed=$((passed + 1)); echo "ok   $2"; else failed=$((failed + 1)); echo "FAIL $2"; fi
}

"$py" "$synth" "$n" "$tmp/big.json"
if "$gen" --check "$tmp/big.json"; then ok=1; else ok=0; fi
result $ok "$n entries accepted"
rm -f "$tmp/big.json"

"$py" "$synth" 0 "$tmp/chain.json" "$chain"
if "$gen" --check "$tmp/chain.json"; then ok=1; else ok=0; fi
result $ok "a chain of $chain procedures accepted"
rm -f "$tmp/chain.json"

"$py" "$synth" 0 "$tmp/circle.json" "$chain" --circle
status=0
"$gen" --check "$tmp/circle.json" 2> "$tmp/circle.err" || status=$?
want="closes a circle"
if [ "$status" = 1 ] && [ "$(grep -c "error:" "$tmp/circle.err")" = 1 ] &&
    grep -q "from 'synthetic-proc-$((chain - 1))' $want" "$tmp/circle.err"; then ok=1; else ok=0; fi
result $ok "a circle of $chain procedures: exit $status, one error: $(head -c 300 "$tmp/circle.err")"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
