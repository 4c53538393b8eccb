#!/usr/bin/env python3
"""Extracts the fenced code block that follows a marker line in a Markdown file.

usage: extract.py README.md MARKER OUTPUT

The README's examples are the tests' sources: a marker such as
<!-- example: readme-example.c --> stands on the line before the fence."""
import sys


def main() -> int:
    readme, marker, output = sys.argv[1:4]
    with open(readme, encoding="utf-8") as f:
        lines = f.read().split("\n")
    tag = "<!-- example: %s -->" % marker
    try:
        start = lines.index(tag)
    except ValueError:
        print("%s: no line '%s'" % (readme, tag), file=sys.stderr)
        return 1
    if start + 1 >= len(lines) or not lines[start + 1].startswith("```"):
        print("%s:%d: a fenced block must follow the marker" % (readme, start + 2), file=sys.stderr)
        return 1
    body = []
    for line in lines[start + 2:]:
        if line.startswith("```"):
            break
        body.append(line)
    else:
        print("%s: unterminated fenced block after '%s'" % (readme, tag), file=sys.stderr)
        return 1
    with open(output + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(body) + "\n")
    import os
    os.replace(output + ".tmp", output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
