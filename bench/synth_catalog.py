#!/usr/bin/env python3
"""Writes a synthetic catalogue of N entries (valid, every field kind used), for
scale tests and build-cost benchmarks. With CHAIN, CHAIN procedures follow,
each pointing at the next (a chain as deep as it is long, for the generator's
checks that walk procedure references); with --circle, the last one points
back at the first (one circle, which the generator must report).

usage: synth_catalog.py N OUTPUT.json [CHAIN [--circle]]"""
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
        "refs": [{"url": "https://example.com/synthetic", "date": "2025-01-01"}],
    }


def procedure(i: int, chain: int, circle: bool) -> dict:
    following = i + 1 if i + 1 < chain else (0 if circle else None)
    return {
        "id": "synthetic-proc-%d" % i,
        "kind": "procedure",
        "source": None,
        "code": None,
        "name": None,
        "severity": "info",
        "area": "writeback",
        "title": "Synthetic procedure %d" % i,
        "summary": "Step %d of a chain of procedures." % i,
        "steps": ["Do step %d." % i],
        "procedures": [] if following is None else ["synthetic-proc-%d" % following],
        "order": 1 + i % 99,
        "section": "Synthetic",
    }


def main() -> int:
    n, out = int(sys.argv[1]), sys.argv[2]
    chain = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    circle = "--circle" in sys.argv[4:]
    entries = [entry(i) for i in range(n)] + [procedure(i, chain, circle) for i in range(chain)]
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        json.dump({"version": "0.0.1", "entries": entries}, f, indent=1)
    import os
    os.replace(out + ".tmp", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
