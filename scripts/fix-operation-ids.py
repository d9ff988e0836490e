#!/usr/bin/env python3
"""Check and align operation names in openapi.yaml with the REST V1 checklist.

For every operation that matches a checklist row (method and path shape):
operationId = the official clients' method name (node_name), with the
suffixes of docs/spec-style.md for the few names two rows share; summary =
the first label; x-crisp-labels when a row has several; tags = [section];
deprecated rows marked. Prints what it changed. Used once while merging the
sections; kept for the next API revision.
"""
import csv, os, re, sys
import yaml

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tsv = os.path.join(root, "..", "shared", "crisp-rest-v1-endpoints.tsv")
spec_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "openapi.yaml")

def shape(p):
    return re.sub(r"\{[^}]*\}", "{}", "/" + p.strip("/"))

rows = list(csv.DictReader(open(tsv), delimiter="\t"))
names = {}
for r in rows:
    names.setdefault(r["node_name"].split(",")[0], []).append(r)

def opid(r):
    n = r["node_name"].split(",")[0]
    if n == "__connectSocket":
        return "getUserConnectEndpoints" if r["path"].startswith("/user") else "getWebsiteTokenConnectEndpoints"
    if len(names[n]) > 1:
        if r["status"] == "deprecated":
            return n + "Legacy"
        if n == "getConnectEndpoints" and r["path"].startswith("/website/"):
            return "getWebsiteConnectEndpoints"
        if n == "listAllActiveSubscriptions" and r["path"].startswith("/plans"):
            return "listAllActivePlanSubscriptions"
    return n

want = {(r["method"].upper(), shape(r["path"])): r for r in rows}
doc = yaml.safe_load(open(spec_path))
changes = []
for path, item in doc["paths"].items():
    for m, op in item.items():
        if m == "parameters":
            continue
        r = want.get((m.upper(), shape(path)))
        if r is None:
            continue
        new = opid(r)
        if op.get("operationId") != new:
            changes.append((op.get("operationId"), new))
            op["operationId"] = new
        labels = [l.strip() for l in r["label"].split(";")]
        label = re.sub(r"\s*\(.*\)$", "", labels[0])
        op["summary"] = label
        if len(labels) > 1:
            op["x-crisp-labels"] = labels
        op["tags"] = [r["section"]]
        if r["status"] == "deprecated":
            op["deprecated"] = True
        if r["tiers"] and not op.get("x-crisp-tiers"):
            op["x-crisp-tiers"] = r["tiers"].split(",")
for old, new in changes:
    print(f"{old} -> {new}")
# Rewrite in place, keeping the header comment and key order.
sys.path.insert(0, os.path.join(root, "scripts"))
header = []
for line in open(spec_path):
    if line.startswith("#"):
        header.append(line)
    else:
        break
class Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True
def str_presenter(dumper, data):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)
Dumper.add_representer(str, str_presenter)
with open(spec_path, "w") as f:
    f.write("".join(header))
    yaml.dump(doc, f, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
print(f"{len(changes)} operationId(s) changed")
