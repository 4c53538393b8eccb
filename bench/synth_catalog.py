#!/usr/bin/env python3
"""Writes a synthetic catalogue of N entries (valid, every field kind used), for
scale tests and build-cost benchmarks.

usage: synth_catalog.py N OUTPUT.json"""
import json
import sys


def entry(i: int) -> dict:
    return {
        "id": "synthetic-%d" % i,
        "kind": "event",
        "source": ("PasswordResetService", "ADSync", "SSPR")[i % 3],
        "code": 100000 + i,
        "name": "SyntheticEvent%d" % i,
        "aliases": ["SyntheticAlias%d" % i],
        "hresults": ["0x%08X" % (0x80400000 + i)],
        "severity": ("info", "warning", "error")[i % 3],
        "area": "writeback",
        "title": "Synthetic event %d" % i,
        "summary": "A generated entry, number %d, for scale tests." % i,
        "messages": ["Synthetic failure %d while resetting password number %d" % (i, i * 7)],
        "causes": ["Generated cause %d" % i],
        "steps": ["Check item %d." % i, "Retry the operation."],
        "related": ["synthetic-%d" % (i - 1)] if i else [],
        "facts": [{"key": "limit", "value": i, "unit": "items", "text": "A number."}],
        "section": "Synthetic",
        "origin": "current",
    }


def main() -> int:
    n, out = int(sys.argv[1]), sys.argv[2]
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        json.dump({"version": "0.0.1", "entries": [entry(i) for i in range(n)]}, f, indent=1)
    import os
    os.replace(out + ".tmp", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
