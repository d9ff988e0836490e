package main

import "strings"

// The Go value-type rule. Decoding an answer allocates less when its
// optional fields are values rather than pointers, so the optional
// properties of response-only schemas get x-go-type-skip-optional-pointer
// and x-omitzero (omitzero leaves a zero struct or time out when an answer
// is re-encoded, as absent). Request schemas keep pointers and
// nullable.Nullable fields: there, absent, zero and null differ.
//
// Response-only: a components/schemas entry that no request body and no
// parameter reaches (through $ref, transitively), the event payloads
// included, and the inline schemas of responses. For each optional
// property of such a schema (walking nested inline schemas, not following
// $ref):
//   - an inline scalar or object, not nullable, is marked;
//   - a $ref to a response-only component marks the component at its top
//     level (oapi-codegen merges a referenced schema's extensions into the
//     property);
//   - nullable properties, arrays and maps are left alone.
//
// Some schemas sit on the hot path of answers but are also sent in
// requests (splitForRequests): requests get a copy named <Name>Input (with
// copies of what it references among them), so that answers decode into
// values and requests keep their pointers.
const (
	extSkipPointer = "x-go-type-skip-optional-pointer"
	extOmitzero    = "x-omitzero"
	schemaPrefix   = "#/components/schemas/"
	inputSuffix    = "Input"
)

// splitForRequests lists the shared schemas that answers decode in bulk
// (conversation lists, messages).
var splitForRequests = []string{
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
}

// goValues applies the value-type rule to doc.
func goValues(doc map[string]any) {
	schemas := mapAt(doc, "components", "schemas")
	splitSchemas(doc, schemas)
	request := requestSchemas(doc)
	optionalInRequest := map[string]bool{}
	for n := range request {
		optionalRefs(schemas[n], optionalInRequest)
	}
	forEachOperation(doc, func(op map[string]any) {
		optionalRefs(op["requestBody"], optionalInRequest)
	})
	marked := map[string]bool{}
	var walk func(obj any)
	walk = func(o any) {
		obj, ok := o.(map[string]any)
		if !ok {
			return
		}
		for _, key := range []string{"allOf", "oneOf", "anyOf"} {
			subs, _ := obj[key].([]any)
			for _, s := range subs {
				walk(s)
			}
		}
		if it, ok := obj["items"].(map[string]any); ok {
			walk(it)
		}
		if ap, ok := obj["additionalProperties"].(map[string]any); ok {
			walk(ap)
		}
		required := stringSet(obj["required"])
		props, _ := obj["properties"].(map[string]any)
		for _, name := range sortedKeys(props) {
			prop, ok := props[name].(map[string]any)
			if !ok {
				continue
			}
			if ref, ok := prop["$ref"].(string); ok {
				if required[name] || !strings.HasPrefix(ref, schemaPrefix) {
					continue
				}
				t := strings.TrimPrefix(ref, schemaPrefix)
				tobj, _ := schemas[t].(map[string]any)
				_, hasProps := tobj["properties"]
				if (request[t] && (optionalInRequest[t] || tobj["type"] == "object" || hasProps)) || tobj["nullable"] == true || tobj["type"] == "array" {
					continue
				}
				if !marked[t] && tobj != nil {
					marked[t] = true
					markValue(tobj)
				}
				continue
			}
			walk(prop)
			if required[name] || prop["nullable"] == true {
				continue
			}
			typ := prop["type"]
			if typ == "array" {
				continue
			}
			if _, hasProps := prop["properties"]; typ == "object" && !hasProps && prop["additionalProperties"] != nil {
				continue // a map: no pointer already
			}
			markValue(prop)
		}
	}
	for _, n := range sortedKeys(schemas) {
		if !request[n] {
			walk(schemas[n])
		}
	}
	forEachOperation(doc, func(op map[string]any) {
		responses, _ := op["responses"].(map[string]any)
		for _, code := range sortedKeys(responses) {
			resp, _ := responses[code].(map[string]any)
			if _, ok := resp["$ref"]; ok {
				continue
			}
			content, _ := resp["content"].(map[string]any)
			for _, mt := range sortedKeys(content) {
				media, _ := content[mt].(map[string]any)
				if sch, ok := media["schema"].(map[string]any); ok {
					if _, isRef := sch["$ref"]; !isRef {
						walk(sch)
					}
				}
			}
		}
	})
}

func markValue(m map[string]any) {
	if _, ok := m[extSkipPointer]; !ok {
		m[extSkipPointer] = true
	}
	if _, ok := m[extOmitzero]; !ok {
		m[extOmitzero] = true
	}
}

// splitSchemas adds the <Name>Input copies and points the request side
// (request schemas, request bodies and parameters) at them.
func splitSchemas(doc, schemas map[string]any) {
	split := map[string]bool{}
	for _, n := range splitForRequests {
		split[n] = true
	}
	rewrite := func(v any) {
		walkMaps(v, "", func(m map[string]any, _ string) {
			if ref, ok := m["$ref"].(string); ok && split[strings.TrimPrefix(ref, schemaPrefix)] && strings.HasPrefix(ref, schemaPrefix) {
				m["$ref"] = ref + inputSuffix
			}
		})
	}
	request := requestSchemas(doc)
	for n := range request {
		if !split[n] {
			rewrite(schemas[n])
		}
	}
	forEachPathItem(doc, func(item map[string]any) {
		rewrite(item["parameters"])
		for _, m := range sortedKeys(item) {
			if op, ok := item[m].(map[string]any); ok && m != "parameters" {
				rewrite(op["requestBody"])
				rewrite(op["parameters"])
			}
		}
	})
	for _, n := range splitForRequests {
		c := deepCopy(schemas[n])
		rewrite(c)
		schemas[n+inputSuffix] = c
	}
}

// requestSchemas returns the component schemas that parameters and request
// bodies reach, transitively.
func requestSchemas(doc map[string]any) map[string]bool {
	comps := mapAt(doc, "components")
	schemas := mapAt(doc, "components", "schemas")
	resolve := func(v any, kind string) any {
		if m, ok := v.(map[string]any); ok {
			if ref, ok := m["$ref"].(string); ok {
				parts := strings.Split(ref, "/")
				return mapAt(comps, kind)[parts[len(parts)-1]]
			}
		}
		return v
	}
	seeds := map[string]bool{}
	params := func(v any) {
		list, _ := v.([]any)
		for _, p := range list {
			refsIn(resolve(p, "parameters"), seeds)
		}
	}
	forEachPathItem(doc, func(item map[string]any) {
		params(item["parameters"])
		for _, m := range sortedKeys(item) {
			if op, ok := item[m].(map[string]any); ok && m != "parameters" {
				params(op["parameters"])
				if rb, ok := op["requestBody"]; ok {
					refsIn(resolve(rb, "requestBodies"), seeds)
				}
			}
		}
	})
	request := map[string]bool{}
	todo := sortedKeys(seeds)
	for len(todo) > 0 {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if request[n] {
			continue
		}
		request[n] = true
		found := map[string]bool{}
		refsIn(schemas[n], found)
		for f := range found {
			if !request[f] {
				todo = append(todo, f)
			}
		}
	}
	return request
}

// refsIn adds the component schemas v references to out.
func refsIn(v any, out map[string]bool) {
	walkMaps(v, "", func(m map[string]any, _ string) {
		if ref, ok := m["$ref"].(string); ok && strings.HasPrefix(ref, schemaPrefix) {
			out[strings.TrimPrefix(ref, schemaPrefix)] = true
		}
	})
}

// optionalRefs adds to out the schemas referenced as optional properties
// inside v.
func optionalRefs(v any, out map[string]bool) {
	walkMaps(v, "", func(m map[string]any, _ string) {
		required := stringSet(m["required"])
		props, _ := m["properties"].(map[string]any)
		for name, p := range props {
			if pm, ok := p.(map[string]any); ok {
				if ref, ok := pm["$ref"].(string); ok && !required[name] {
					parts := strings.Split(ref, "/")
					out[parts[len(parts)-1]] = true
				}
			}
		}
	})
}

func forEachPathItem(doc map[string]any, fn func(item map[string]any)) {
	paths, _ := doc["paths"].(map[string]any)
	for _, p := range sortedKeys(paths) {
		if item, ok := paths[p].(map[string]any); ok {
			fn(item)
		}
	}
}

func forEachOperation(doc map[string]any, fn func(op map[string]any)) {
	forEachPathItem(doc, func(item map[string]any) {
		for _, m := range sortedKeys(item) {
			if op, ok := item[m].(map[string]any); ok && m != "parameters" && m != "summary" && m != "description" {
				fn(op)
			}
		}
	})
}

func mapAt(m map[string]any, keys ...string) map[string]any {
	for _, k := range keys {
		m, _ = m[k].(map[string]any)
	}
	return m
}

func stringSet(v any) map[string]bool {
	s := map[string]bool{}
	list, _ := v.([]any)
	for _, e := range list {
		if str, ok := e.(string); ok {
			s[str] = true
		}
	}
	return s
}

func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		l := make([]any, len(v))
		for i, e := range v {
			l[i] = deepCopy(e)
		}
		return l
	}
	return v
}
