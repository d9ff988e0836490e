package main

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
)

// parseArgs reads the name=value arguments of call for op: each name must
// be a parameter of op, each value must be of its type. A parameter of
// type array may be repeated or given as a comma-separated list. The
// values are returned ready to be encoded as JSON (string, int64,
// float64, bool, json.RawMessage or []any).
func parseArgs(op *operation, args []string) (map[string]any, error) {
	out := map[string]any{}
	for _, a := range args {
		name, raw, ok := strings.Cut(a, "=")
		if !ok || name == "" {
			return nil, usageErrorf("argument %q is not name=value (parameters of %s: %s)", a, op.ID, strings.Join(op.paramNames(), ", "))
		}
		p := op.param(name)
		if p == nil {
			return nil, usageErrorf("unknown parameter %q for %s%s (its parameters: %s)", name, op.ID, didYouMean(name, op.paramNames()), strings.Join(op.paramNames(), ", "))
		}
		v, err := parseValue(p, raw)
		if err != nil {
			return nil, usageErrorf("parameter %s: %v", name, err)
		}
		prev, seen := out[name]
		switch {
		case !seen:
			out[name] = v
		case p.Schema.Type.Is("array") && !p.JSON:
			out[name] = append(prev.([]any), v.([]any)...)
		default:
			return nil, usageErrorf("parameter %s is given twice", name)
		}
	}
	return out, nil
}

// parseValue reads the value of one parameter as its schema says.
func parseValue(p *param, raw string) (any, error) {
	if p.JSON {
		if !json.Valid([]byte(raw)) {
			return nil, fmt.Errorf("%q is not JSON (this parameter is sent as a JSON document)", raw)
		}
		return json.RawMessage(raw), nil
	}
	if p.Schema.Type.Is("array") {
		var out []any
		for _, item := range strings.Split(raw, ",") {
			v, err := parseScalar(p.Schema.Items.Value, item)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
	return parseScalar(p.Schema, raw)
}

// parseScalar reads a value of a string, integer, number or boolean
// schema, and checks it against the schema's enum.
func parseScalar(s *openapi3.Schema, raw string) (any, error) {
	var v any
	switch {
	case s == nil:
		return raw, nil
	case s.Type.Is("integer"):
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil && isFlag(s) {
			// A 1/0 flag also reads as a boolean.
			if b, berr := strconv.ParseBool(raw); berr == nil {
				n, err = 0, nil
				if b {
					n = 1
				}
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%q is not an integer", raw)
		}
		v = n
	case s.Type.Is("number"):
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, fmt.Errorf("%q is not a number", raw)
		}
		v = f
	case s.Type.Is("boolean"):
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return nil, fmt.Errorf("%q is not a boolean (true or false)", raw)
		}
		v = b
	case s.Format == "date-time":
		t, err := parseTime(raw)
		if err != nil {
			return nil, err
		}
		v = t.Format(time.RFC3339Nano)
	default:
		v = raw
	}
	if len(s.Enum) > 0 && !inEnum(s.Enum, v) {
		var names []string
		for _, e := range s.Enum {
			names = append(names, fmt.Sprint(e))
		}
		return nil, fmt.Errorf("%q is not one of %s%s", raw, strings.Join(names, ", "), didYouMean(raw, names))
	}
	return v, nil
}

// parseTime reads an RFC 3339 date and time, or a date alone (midnight
// UTC).
func parseTime(raw string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, raw); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, raw); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date (2024-10-17 or 2024-10-17T12:00:00Z)", raw)
}

// isFlag reports an integer schema whose values are 0 and 1.
func isFlag(s *openapi3.Schema) bool {
	return len(s.Enum) == 2 && inEnum(s.Enum, int64(0)) && inEnum(s.Enum, int64(1))
}

// inEnum reports whether v is one of enum (numbers compared by value).
func inEnum(enum []any, v any) bool {
	return slices.ContainsFunc(enum, func(e any) bool {
		switch e := e.(type) {
		case float64:
			switch v := v.(type) {
			case int64:
				return e == float64(v)
			case float64:
				return e == v
			}
			return false
		case int:
			n, ok := v.(int64)
			return ok && int64(e) == n
		case int64:
			n, ok := v.(int64)
			return ok && e == n
		}
		return fmt.Sprint(e) == fmt.Sprint(v)
	})
}
