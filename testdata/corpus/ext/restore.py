#!/usr/bin/env python3
"""Restore the batch-15 texts recorded in SOURCES.tsv from git snapshots.

usage: restore.py OWNER/NAME=GIT_DIR...

For every SOURCES.tsv row whose transformation starts with "none" and whose
repository is given on the command line, writes `git show COMMIT:PATH` byte
for byte to the row's local_file (relative to testdata/corpus/). Rows of
other repositories are skipped (batch 14 uses unsegment.py, see README.md).
"""
import csv
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    gits = dict(a.split("=", 1) for a in sys.argv[1:])
    if not gits:
        sys.exit(__doc__)
    with open(os.path.join(HERE, "SOURCES.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["repo"] not in gits or not row["transformation"].startswith("none"):
                continue
            data = subprocess.run(
                ["git", "-C", gits[row["repo"]], "show", row["commit"] + ":" + row["path"]],
                capture_output=True, check=True).stdout
            out = os.path.join(os.path.dirname(HERE), row["local_file"])
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "wb") as g:
                g.write(data)
            print(out)


if __name__ == "__main__":
    main()
