#!/usr/bin/env python3
"""Normalisation of an article as the self-check reads it:
html.unescape, NFKC, pinyin annotations removed, OpenCC t2s (Debian opencc)."""
import html
import re
import subprocess
import unicodedata
from functools import lru_cache

PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


@lru_cache(maxsize=None)
def opencc_t2s(text):
    r = subprocess.run(["opencc", "-c", "t2s"], input=text.encode("utf-8"), capture_output=True, check=True)
    return r.stdout.decode("utf-8")


def normalize(text, t2s=True):
    """t2s=False skips the OpenCC step (used for the simplified source body)."""
    s = unicodedata.normalize("NFKC", html.unescape(text))
    s = PINYIN.sub("", s)
    if t2s:
        s = opencc_t2s(s)
    return s
