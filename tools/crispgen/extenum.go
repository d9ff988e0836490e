package main

// extEnum is the extension openapi.yaml uses for the open enums of answers:
// the values known today, where Crisp may send others. Generators that do
// not know it (ogen, openapi-typescript, pydantic) see a plain string and
// accept any value.
const extEnum = "x-extensible-enum"

// goEnums gives Go a named type and constants for every open enum: each
// x-extensible-enum becomes an enum in the Go spec. A Go string type
// accepts any value when decoded (oapi-codegen checks nothing but offers
// Valid() for the known ones), so the Go decoder stays open while Go code
// keeps the constants.
func goEnums(doc map[string]any) {
	walkMaps(doc, "", func(m map[string]any, _ string) {
		values, ok := m[extEnum].([]any)
		if !ok || m["type"] != "string" {
			return
		}
		if _, closed := m["enum"]; !closed {
			m["enum"] = values
		}
	})
}
