#!/usr/bin/env python3
"""Check gold records of the training corpus.

usage: check.py [--text-dir DIR] GOLD.json...

For each gold file: the JSON shape of ../shared/spec/records.md (the fields the
scorer reads), and that every target's and date's "text" occurs in the
document's normalized text. The text is read from DIR/<name>.txt when
--text-dir is given, else made with `vanban text` ($VANBAN, else `vanban` on
PATH) from the source listed in manifest.tsv beside this script.
Prints one line per problem; exits 1 when there is any.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"law", "decree", "circular", "resolution", "decision", "directive",
         "conclusion", "regulation", "rules", "guidance", "plan", "program",
         "report", "announcement", "submission", "official-letter", "minutes",
         "article", "other"}
COMPARATORS = {"=", ">=", ">", "<=", "<", "~", "range"}
GRAINS = {"datetime", "day", "month", "quarter", "half", "year", "period"}


def manifest():
    m = {}
    with open(os.path.join(HERE, "manifest.tsv"), encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(head, line.rstrip("\n").split("\t")))
            m[row["name"]] = row
    return m


def source_path(src):
    if src.startswith("shared:"):
        base = os.environ.get("VANBAN_SHARED") or os.path.join(
            os.path.dirname(os.path.dirname(os.path.dirname(HERE))), "shared")
        return os.path.join(base, src[len("shared:"):])
    return os.path.join(HERE, src)


def text_of(name, text_dir, man):
    if text_dir:
        with open(os.path.join(text_dir, name + ".txt"), encoding="utf-8") as f:
            return f.read()
    row = man.get(name)
    if row is None:
        raise SystemExit(f"{name}: not in manifest.tsv")
    exe = os.environ.get("VANBAN", "vanban")
    return subprocess.run([exe, "text", source_path(row["source"])],
                          capture_output=True, check=True, text=True).stdout


def check(path, text_dir, man):
    probs = []
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    name = g.get("path")
    if name != os.path.basename(path)[:-len(".json")]:
        probs.append(f"path {name!r} does not match the file name")
    text = text_of(name, text_dir, man)
    if g.get("kind") not in KINDS:
        probs.append(f"kind {g.get('kind')!r} is not in the records.md list")
    for i, t in enumerate(g.get("targets") or []):
        where = f"target {i}"
        if t.get("comparator") not in COMPARATORS:
            probs.append(f"{where}: comparator {t.get('comparator')!r}")
        if not isinstance(t.get("value"), (int, float)):
            probs.append(f"{where}: value {t.get('value')!r} is not a number")
        if (t.get("comparator") == "range") != (t.get("value_max") is not None):
            probs.append(f"{where}: value_max must be set exactly for 'range'")
        if not t.get("unit"):
            probs.append(f"{where}: no unit")
        if t.get("text") not in text:
            probs.append(f"{where}: text not in the document: {t.get('text')!r}")
        p = t.get("parent")
        if p is not None and not (isinstance(p, int) and 0 <= p < i):
            probs.append(f"{where}: parent {p!r} is not an earlier target")
        per = t.get("period")
        if per is not None and not (isinstance(per, dict) and set(per) >= {"start", "end"}):
            probs.append(f"{where}: period must be null or {{start, end}}")
    for i, d in enumerate(g.get("dates") or []):
        if d.get("grain") not in GRAINS:
            probs.append(f"date {i}: grain {d.get('grain')!r}")
        if d.get("text") not in text:
            probs.append(f"date {i}: text not in the document: {d.get('text')!r}")
        if not d.get("start") or not d.get("end"):
            probs.append(f"date {i}: start and end are required")
    for i, r in enumerate(g.get("references") or []):
        if not r.get("number"):
            probs.append(f"reference {i}: no number")
    return [f"{path}: {p}" for p in probs]


def main(argv):
    text_dir = None
    files = []
    it = iter(argv)
    for a in it:
        if a == "--text-dir":
            text_dir = next(it)
        else:
            files.append(a)
    if not files:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    man = manifest()
    probs = []
    for f in files:
        probs += check(f, text_dir, man)
    for p in probs:
        print(p)
    return 1 if probs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
