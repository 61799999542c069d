#!/usr/bin/env python3
"""Undo the word segmentation of NguyenQuocBao97/multiclass-text-classification.

usage: unsegment.py IN OUT

The .txt.ws files join the syllables of a word with "_" and put spaces around
punctuation. This replaces "_" with a space, removes the space before
, . ; : ! ? ) % ‰ and after (, and joins " / " to "/". Nothing else changes
(lower-cased titles and document numbers stay as the source has them).
"""
import re
import sys

def unsegment(s):
    s = s.replace("_", " ")
    s = re.sub(r" +([,.;:!?)%‰])", r"\1", s)
    s = re.sub(r"\( +", "(", s)
    s = re.sub(r" / ", "/", s)
    return s

if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(unsegment(text))
