#!/usr/bin/env python3
"""The README's "The catalogue" paragraph states the counts that
`sspr-errors list --summary --json` prints: the catalogue version, the number
of entries, and each kind, source and origin with its count.

usage: check_counts.py README.md SSPR-ERRORS"""
import json
import re
import subprocess
import sys

# How the paragraph words a name of each set (anything else: the name itself).
WORDING = {
    "kind": lambda name: "audit-log strings" if name == "audit" else name + "s",
    "source": lambda name: "with none" if name == "none" else name,
    "origin": lambda name: {"2017": "from the 2017 article",
                            "current": "from the current documentation",
                            "field": "from field reports"}.get(name, name),
}


def main() -> int:
    readme, cli = sys.argv[1:3]
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^## The catalogue\n\n(.*?)\n\n", text, re.S | re.M)
    if not m:
        print(f"{readme}: no paragraph under '## The catalogue'", file=sys.stderr)
        return 1
    para = " ".join(m.group(1).split())
    summary = json.loads(subprocess.run([cli, "list", "--summary", "--json"], check=True,
                                        capture_output=True, text=True).stdout)
    version = subprocess.run([cli, "--version"], check=True, capture_output=True,
                             text=True).stdout
    version = re.search(r"catalogue ([0-9.]+)", version).group(1)
    want = [f"Catalogue {version} holds {summary['entries']} entries"]
    for key, wording in WORDING.items():
        for name, n in summary[key].items():
            if n:
                want.append(f"{n} {wording(name)}")
    missing = [w for w in want if not re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", para)]
    for w in missing:
        print(f"{readme}: 'The catalogue' does not say {w!r} (list --summary)", file=sys.stderr)
    if missing:
        print(f"its paragraph: {para}", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
