#!/usr/bin/env python3
"""Merge spec fragments (spec-parts/*.yaml) into openapi.yaml.

A fragment holds top-level `tags`, `paths` and `components` (schemas,
parameters, responses). Names must not clash with openapi.yaml or with other
fragments. Used while sections of the spec are written in parallel.

  merge-parts.py [--only NAME ...] [-o OUT]   (default OUT: openapi.yaml in place)
"""
import argparse, glob, os, sys
import yaml

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--only", action="append", default=[])
ap.add_argument("-o", "--out", default=os.path.join(root, "openapi.yaml"))
ap.add_argument("--base", default=os.path.join(root, "openapi.yaml"))
a = ap.parse_args()

class Loader(yaml.SafeLoader):
    pass

doc = yaml.load(open(a.base), Loader=Loader)
parts = sorted(glob.glob(os.path.join(root, "spec-parts", "*.yaml")))
if a.only:
    parts = [p for p in parts if os.path.splitext(os.path.basename(p))[0] in a.only]
errors = []
for p in parts:
    frag = yaml.load(open(p), Loader=Loader) or {}
    for t in frag.get("tags") or []:
        if t["name"] not in [x["name"] for x in doc.setdefault("tags", [])]:
            doc["tags"].append(t)
    for path, item in (frag.get("paths") or {}).items():
        if path in (doc.get("paths") or {}):
            cur = doc["paths"][path]
            for k, v in item.items():
                if k in cur and k != "parameters":
                    errors.append(f"{p}: {path} {k} defined twice")
                cur.setdefault(k, v)
        else:
            doc.setdefault("paths", {})[path] = item
    for kind, items in (frag.get("components") or {}).items():
        tgt = doc.setdefault("components", {}).setdefault(kind, {})
        for name, v in (items or {}).items():
            if name in tgt:
                errors.append(f"{p}: components/{kind}/{name} defined twice")
            tgt[name] = v
if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)

class Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True
def str_presenter(dumper, data):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)
Dumper.add_representer(str, str_presenter)
header = []
for line in open(a.base):
    if line.startswith("#"):
        header.append(line)
    else:
        break
with open(a.out, "w") as f:
    f.write("".join(header))
    yaml.dump(doc, f, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
print(f"merged {len(parts)} part(s) into {a.out}")
