#!/usr/bin/env python3
"""check_api_map.py API_LIST MAP: the table of the C API (gen/api.c, as
sspr-gen --emit api-list writes it: NAME NODE per line) names exactly the
functions of the version script, each in the node that exports it."""
import re
import sys


def read_map(path):
    nodes = {}
    node = None
    text = re.sub(r"/\*.*?\*/", "", open(path, encoding="utf-8").read(), flags=re.S)
    for line in text.splitlines():
        line = line.strip()
        m = re.match(r"^(SSPR_ERRORS_[0-9.]+)\s*\{", line)
        if m:
            node = m.group(1)
        elif re.match(r"^sspr_[a-z0-9_]+;$", line):
            nodes[line[:-1]] = node
    return nodes


def main() -> int:
    table = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            name, node = line.split()
            table[name] = node
    exported = read_map(sys.argv[2])
    bad = 0
    for name in sorted(set(table) | set(exported)):
        if name not in exported:
            print("%s: in gen/api.c, not exported by the version script" % name)
        elif name not in table:
            print("%s: exported (%s) but missing from gen/api.c" % (name, exported[name]))
        elif table[name] != exported[name]:
            print("%s: gen/api.c says %s, the version script %s" % (name, table[name],
                                                                     exported[name]))
        else:
            continue
        bad = 1
    print("%d functions in gen/api.c, %d exported" % (len(table), len(exported)))
    return bad


if __name__ == "__main__":
    sys.exit(main())
