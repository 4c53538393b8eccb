#!/usr/bin/env python3
"""Every catalogue file validates against catalog/schema.json (the JSON Schema
written from src/common/schema.def), with Debian's python3-jsonschema: an
independent validator, so a schema.def type or name set that the generator
reads one way and the schema states another is caught.

usage: validate_schema.py SCHEMA.json CATALOG.json...
"""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    passed = failed = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            errors = list(validator.iter_errors(json.load(f)))
        for e in errors[:10]:
            print("FAIL %s: %s: %s" % (path, "/".join(map(str, e.absolute_path)), e.message))
        failed += bool(errors)
        passed += not errors
    # the schema must also refuse what the generator refuses: a few probes
    probes = [
        ({"entries": [{"id": "X"}]}, "an uppercase id"),
        ({"entries": [], "colour": 1}, "an unknown top-level key"),
        ({"entries": [{"id": "a", "kind": "event", "source": "Nope", "code": 1, "name": None,
                       "severity": "error", "area": "writeback", "title": "t", "summary": "s",
                       "section": "s"}]}, "a source outside the closed set"),
    ]
    for doc, what in probes:
        if validator.is_valid(doc):
            print("FAIL: the schema accepts %s" % what)
            failed += 1
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
