#!/usr/bin/python3
"""Voikko's base forms and compound parts of words read from stdin (one per line), as JSON
{word: [base, part, ...]} on stdout. Used only by `tests/measure/morphology.ts` to measure the
Voikko option (Debian: libvoikko1 voikko-fi python3-libvoikko)."""
import json, re, sys
import libvoikko

voikko = libvoikko.Voikko('fi')
out = {}
for line in sys.stdin:
    word = line.strip()
    if not word:
        continue
    found = set()
    for analysis in voikko.analyze(word):
        base = analysis.get('BASEFORM')
        if base:
            found.add(base.lower())
        # WORDBASES: +selkä(selkä)+vaiva(vaiva); keep the lemmas in brackets of real parts
        for lemma in re.findall(r'\+[^+(]*\(([^)+]+)\)', analysis.get('WORDBASES', '')):
            lemma = lemma.replace('=', '').lower()
            if len(lemma) >= 3:
                found.add(lemma)
    found.discard(word.lower())
    if found:
        out[word] = sorted(found)
json.dump(out, sys.stdout, ensure_ascii=False)
