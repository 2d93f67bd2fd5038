#!/usr/bin/env python3
"""json_shape.py PROSE_KEYS EN.json OTHER.json... - the same JSON in every
language: the same keys, ids, numbers and addresses; only the values of
the keys listed in PROSE_KEYS (comma-separated) may differ. Exit 1, with
the first differences, when one does not."""
import json
import sys


def shape(v, prose, path="$"):
    out = []
    if isinstance(v, dict):
        for k in sorted(v):
            out.append(path + "." + k)
            if k in prose and isinstance(v[k], str):
                continue
            if k in prose and isinstance(v[k], list) and all(isinstance(x, str) for x in v[k]):
                out.append(path + "." + k + "[%d]" % len(v[k]))  # sentences: their count
                continue
            out += shape(v[k], prose, path + "." + k)
    elif isinstance(v, list):
        out.append(path + "[%d]" % len(v))
        for x in v:
            out += shape(x, prose, path + "[]")
    else:
        out.append(path + "=" + json.dumps(v))
    return out


prose = set(sys.argv[1].split(","))
docs = [json.load(open(p)) for p in sys.argv[2:]]
base = shape(docs[0], prose)
ok = True
for p, d in zip(sys.argv[3:], docs[1:]):
    s = shape(d, prose)
    if s != base:
        ok = False
        diff = [x for x in s if x not in base][:5] + ["--"] + [x for x in base if x not in s][:5]
        print("differs from English:", p, diff)
sys.exit(0 if ok else 1)
