#!/usr/bin/env python3
"""Mark the optional properties of response-only schemas of openapi.yaml as
Go value types (x-go-type-skip-optional-pointer: true), so that oapi-codegen
generates no pointer for them and decoding an answer allocates less.

Response-only: a components/schemas entry that no request body and no
parameter reaches (through $ref, transitively), including those no operation
references (the Event* payloads), and inline schemas of responses. Request
schemas keep their pointers and nullable.Nullable fields: there, absent, zero
and null are different things.

What is marked, for each optional property of a response-only schema (walking
nested inline schemas, not following $ref):
  - an inline scalar or object, not nullable: the property gets
    x-go-type-skip-optional-pointer: true and x-omitzero: true (omitempty
    does not leave out a zero struct or time.Time when re-encoded; omitzero
    does, so absent stays absent);
  - a $ref to a response-only component: the component gets both extensions
    at its top level (oapi-codegen merges a referenced schema's extensions
    into the property; the component is never used in a request);
  - nullable properties (nullable.Nullable), arrays and maps are left alone.

Some schemas sit on the hot path of answers but are also sent in request
bodies (SPLIT below). Those get a request copy named <Name>Input (with the
copies of the schemas they reference, for a tree), request schemas are
pointed at the copies, and the originals become response-only: answers
decode into value types, request bodies keep their pointers.

A $ref to a schema that request schemas only reference as required
properties (an enum such as ConversationState) is marked too: the marking
changes nothing where the property is required.

Comments and formatting stay. Re-running it
changes nothing. Usage: python3 scripts/mark-response-values.py [openapi.yaml]
"""
import sys
import yaml

SKIP = "x-go-type-skip-optional-pointer"
OMITZERO = "x-omitzero"
PREFIX = "#/components/schemas/"


# Shared schemas that answers decode in bulk (conversation lists, messages).
SPLIT = [
    "ConversationMetaDevice",
    "ConversationMetaDeviceGeolocation",
    "ConversationMetaDeviceGeolocationCoordinates",
    "ConversationMetaDeviceSystem",
    "ConversationMetaDeviceSystemBrowser",
    "ConversationMetaDeviceSystemEngine",
    "ConversationMetaDeviceSystemOS",
    "ConversationParticipant",
    "MessageUser",
    "MessageReference",
]
INPUT = "Input"


def component_blocks(lines):
    """Line ranges [start, end) of each components/schemas entry."""
    start = lines.index("  schemas:") + 1
    blocks, name, begin = {}, None, None
    i = start
    while i < len(lines):
        ln = lines[i]
        if ln and not ln.startswith(" ") or (ln.startswith("  ") and not ln.startswith("   ") and ln.strip()):
            break
        if ln.startswith("    ") and not ln.startswith("     ") and ln.rstrip().endswith(":") and not ln.strip().startswith("#"):
            if name:
                blocks[name] = (begin, i)
            name, begin = ln.strip()[:-1], i
        i += 1
    if name:
        blocks[name] = (begin, i)
    return blocks


def split(text):
    doc = yaml.safe_load(text)
    schemas = doc["components"]["schemas"]
    if all(n + INPUT in schemas for n in SPLIT):
        return text
    lines = text.split("\n")
    blocks = component_blocks(lines)
    request = request_schemas(doc)

    def rewrite(line):
        for n in SPLIT:
            line = line.replace("'" + PREFIX + n + "'", "'" + PREFIX + n + INPUT + "'")
        return line

    # Point request schemas (and inline request bodies) at the copies.
    for name in request:
        if name in SPLIT:
            continue
        b, e = blocks[name]
        lines[b:e] = [rewrite(ln) for ln in lines[b:e]]
    in_request_body = False
    for i, ln in enumerate(lines):
        if ln.startswith("components:"):
            break
        stripped = ln.lstrip()
        indent = len(ln) - len(stripped)
        if stripped.startswith("requestBody:") or stripped.startswith("parameters:"):
            in_request_body, body_indent = True, indent
        elif in_request_body and stripped and indent <= body_indent:
            in_request_body = False
        if in_request_body:
            lines[i] = rewrite(ln)
    # Append the copies after the last one of their originals.
    last = max(blocks[n][1] for n in SPLIT)
    copies = []
    for n in SPLIT:
        b, e = blocks[n]
        block = [rewrite(ln) for ln in lines[b:e]]
        block[0] = "    " + n + INPUT + ":"
        while block and not block[-1].strip():
            block.pop()
        copies += block
    lines[last:last] = copies
    return "\n".join(lines)


def request_schemas(doc):
    comps = doc.get("components", {})
    schemas = comps.get("schemas", {})

    def resolve(obj, kind):
        if isinstance(obj, dict) and "$ref" in obj:
            return comps.get(kind, {}).get(obj["$ref"].split("/")[-1], {})
        return obj

    seeds = set()
    for item in doc.get("paths", {}).values():
        for p in item.get("parameters", []) or []:
            refs_in(resolve(p, "parameters"), seeds)
        for method, op in item.items():
            if not isinstance(op, dict) or method == "parameters":
                continue
            for p in op.get("parameters", []) or []:
                refs_in(resolve(p, "parameters"), seeds)
            if "requestBody" in op:
                refs_in(resolve(op["requestBody"], "requestBodies"), seeds)
    request = set()
    todo = list(seeds)
    while todo:
        n = todo.pop()
        if n in request:
            continue
        request.add(n)
        found = set()
        refs_in(schemas.get(n, {}), found)
        todo.extend(found - request)
    return request


def refs_in(obj, out):
    if isinstance(obj, dict):
        r = obj.get("$ref")
        if isinstance(r, str) and r.startswith(PREFIX):
            out.add(r[len(PREFIX):])
        for v in obj.values():
            refs_in(v, out)
    elif isinstance(obj, list):
        for v in obj:
            refs_in(v, out)


def optional_refs_from(obj, out):
    """Names of schemas referenced as optional properties inside obj."""
    if isinstance(obj, dict):
        required = obj.get("required")
        required = set(required) if isinstance(required, list) else set()
        for name, prop in (obj.get("properties") or {}).items():
            if isinstance(prop, dict) and isinstance(prop.get("$ref"), str) and name not in required:
                out.add(prop["$ref"].split("/")[-1])
        for v in obj.values():
            optional_refs_from(v, out)
    elif isinstance(obj, list):
        for v in obj:
            optional_refs_from(v, out)


def main(path):
    with open(path) as f:
        original = f.read()
    text = split(original)
    doc = yaml.safe_load(text)
    root = yaml.compose(text)
    comps = doc.get("components", {})
    schemas = comps.get("schemas", {})

    request = request_schemas(doc)
    optional_in_request = set()
    for n in request:
        optional_refs_from(schemas[n], optional_in_request)
    for item in doc.get("paths", {}).values():
        for method, op in item.items():
            if isinstance(op, dict) and method != "parameters":
                optional_refs_from(op.get("requestBody", {}), optional_in_request)
    response_only = [n for n in schemas if n not in request]

    # Node lookup for line positions.
    def child(node, key):
        if node is None or not isinstance(node, yaml.MappingNode):
            return None
        for k, v in node.value:
            if k.value == key:
                return v
        return None

    def node_keys(node):
        return {k.value for k, _ in node.value}

    inserts = {}  # line -> list of text lines
    problems = []

    def mark(node, keys, where):
        if not isinstance(node, yaml.MappingNode) or node.flow_style:
            problems.append(where + ": not a block mapping")
            return
        missing = [k for k in keys if k not in node_keys(node)]
        if not missing:
            return
        first = node.value[0][0]
        line, col = first.start_mark.line, first.start_mark.column
        if lines[line][:col].strip():
            problems.append(where + ": first key not at line start")
            return
        inserts.setdefault(line, [])
        for k in missing:
            s = " " * col + k + ": true"
            if s not in inserts[line]:
                inserts[line].append(s)

    lines = text.split("\n")
    marked_components = set()

    def walk(obj, node, where):
        if not isinstance(obj, dict) or node is None:
            return
        for key in ("allOf", "oneOf", "anyOf"):
            for i, sub in enumerate(obj.get(key, []) or []):
                walk(sub, child(node, key).value[i], "%s/%s/%d" % (where, key, i))
        if isinstance(obj.get("items"), dict):
            walk(obj["items"], child(node, "items"), where + "/items")
        if isinstance(obj.get("additionalProperties"), dict):
            walk(obj["additionalProperties"], child(node, "additionalProperties"), where + "/additionalProperties")
        required = set(obj.get("required", []) or [])
        props_node = child(node, "properties")
        for name, prop in (obj.get("properties") or {}).items():
            pnode = child(props_node, name)
            pwhere = where + "/properties/" + name
            if not isinstance(prop, dict):
                continue
            if "$ref" in prop:
                target = prop["$ref"]
                if name in required or not target.startswith(PREFIX):
                    continue
                t = target[len(PREFIX):]
                tobj = schemas.get(t, {})
                if (t in request and (t in optional_in_request or tobj.get("type") == "object"
                                      or "properties" in tobj)) or tobj.get("nullable") or tobj.get("type") == "array":
                    continue
                if t not in marked_components:
                    marked_components.add(t)
                    mark(child(child(child(root, "components"), "schemas"), t), [SKIP, OMITZERO], t)
                continue
            walk(prop, pnode, pwhere)
            if name in required or prop.get("nullable"):
                continue
            typ = prop.get("type")
            if typ == "array":
                continue
            if typ == "object" and "properties" not in prop and "additionalProperties" in prop:
                continue  # a map: already no pointer
            mark(pnode, [SKIP, OMITZERO], pwhere)

    snode = child(child(root, "components"), "schemas")
    for n in response_only:
        walk(schemas[n], child(snode, n), n)
    pnode = child(root, "paths")
    for route, item in doc.get("paths", {}).items():
        for method, op in item.items():
            if not isinstance(op, dict) or method == "parameters":
                continue
            for code, resp in (op.get("responses") or {}).items():
                if "$ref" in resp:
                    continue
                for mt, media in (resp.get("content") or {}).items():
                    sch = media.get("schema")
                    if isinstance(sch, dict) and "$ref" not in sch:
                        n = child(child(child(child(child(child(child(pnode, route), method), "responses"), code), "content"), mt), "schema")
                        walk(sch, n, "%s %s %s" % (method, route, code))

    for p in problems:
        print("skipped:", p, file=sys.stderr)
    for line in sorted(inserts, reverse=True):
        lines[line:line] = inserts[line]
    out = "\n".join(lines)
    if out != original:
        with open(path, "w") as f:
            f.write(out)
    print("request schemas: %d, response-only: %d, lines inserted: %d, components marked: %d"
          % (len(request), len(response_only), sum(len(v) for v in inserts.values()), len(marked_components)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "openapi.yaml")
