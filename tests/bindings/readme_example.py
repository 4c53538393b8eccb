"""The example of a binding's README: the first ```LANG block is the program,
the ```text block right after it what the program prints. The tests compile
and run the one and compare with the other, so the README cannot drift."""
import re


def example(readme, lang):
    text = open(readme, encoding="utf-8").read()
    m = re.search(r"```%s\n(.*?)```\s*\n(?:[^`]*?\n)?```text\n(.*?)```" % re.escape(lang), text, re.S)
    if not m:
        raise SystemExit("%s: no ```%s block followed by a ```text block" % (readme, lang))
    return m.group(1), m.group(2)
