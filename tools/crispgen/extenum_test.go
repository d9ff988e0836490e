package main

import (
	"reflect"
	"testing"
)

func TestGoEnumsGivesOpenEnumsConstants(t *testing.T) {
	open := map[string]any{"type": "string", extEnum: []any{"online", "offline"}}
	closed := map[string]any{"type": "string", "enum": []any{"a"}, extEnum: []any{"a", "b"}}
	notString := map[string]any{"type": "integer", extEnum: []any{1, 2}}
	doc := map[string]any{"components": map[string]any{"schemas": map[string]any{
		"Open": open, "Closed": closed, "NotString": notString,
	}}}
	goEnums(doc)
	if got := open["enum"]; !reflect.DeepEqual(got, []any{"online", "offline"}) {
		t.Errorf("open enum: enum = %v, want its x-extensible-enum values", got)
	}
	if got := closed["enum"]; !reflect.DeepEqual(got, []any{"a"}) {
		t.Errorf("an enum already there was replaced: %v", got)
	}
	if _, ok := notString["enum"]; ok {
		t.Error("a non-string x-extensible-enum became an enum")
	}
}
