package crisp

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/crisp-go/crisp-go/api"
)

// pathParam stands for a path parameter in a path template.
const pathParam = "{…}"

// pathTemplates caches pathTemplate: operationId → template.
var pathTemplates sync.Map

// pathTemplate returns the path of operation op with each path parameter
// replaced by pathParam ("/website/{…}/people/profile/{…}"), or "" when
// op is not an operation of the generated client. It is what Error prints
// in place of the request's path, which may hold personal data (a people
// ID is often an e-mail address).
//
// The template is derived once per operation from the generated client
// itself: its method for op is called with a marker for each path
// parameter and a doer that records the request instead of sending it.
func pathTemplate(op string) string {
	if op == "" {
		return ""
	}
	if v, ok := pathTemplates.Load(op); ok {
		return v.(string)
	}
	t := derivePathTemplate(op)
	if t != "" {
		// Only operations are kept: an Error built with any other
		// Operation does not grow the cache.
		pathTemplates.Store(op, t)
	}
	return t
}

// templateServer is the base URL of the requests derivePathTemplate
// records: its path is the root, so that the recorded paths are the
// paths of the spec.
const templateServer = "http://template.invalid/"

// errRecorded stops a request that recordingDoer recorded.
var errRecorded = errors.New("recorded, not sent")

// recordingDoer records the escaped path of the request it is given and
// sends nothing.
type recordingDoer struct{ path string }

func (r *recordingDoer) Do(req *http.Request) (*http.Response, error) {
	r.path = req.URL.EscapedPath()
	return nil, errRecorded
}

var contextType = reflect.TypeFor[context.Context]()

// derivePathTemplate builds the template of op from the generated client
// (see pathTemplate); "" when it cannot.
func derivePathTemplate(op string) (tmpl string) {
	defer func() {
		if recover() != nil {
			tmpl = "" // a generated method that cannot take zero values
		}
	}()
	rec := &recordingDoer{}
	cl, err := api.NewClient(templateServer, api.WithHTTPClient(rec))
	if err != nil {
		return ""
	}
	// The generated method of an operation is its operationId with a
	// capital first letter.
	m := reflect.ValueOf(cl).MethodByName(strings.ToUpper(op[:1]) + op[1:])
	if !m.IsValid() {
		return ""
	}
	mt := m.Type()
	n := mt.NumIn()
	if mt.IsVariadic() {
		n-- // the request editors: none
	}
	args := make([]reflect.Value, n)
	var markers []string
	for i := range n {
		in := mt.In(i)
		v := reflect.New(in).Elem()
		switch in.Kind() {
		case reflect.String:
			marker := "zqcrispparam" + strconv.Itoa(i) + "zq"
			v.SetString(marker)
			markers = append(markers, marker)
		case reflect.Int, reflect.Int32, reflect.Int64:
			marker := 1357924680 + i // fits an int32
			v.SetInt(int64(marker))
			markers = append(markers, strconv.Itoa(marker))
		case reflect.Interface:
			if in == contextType {
				v = reflect.ValueOf(context.Background())
			}
		}
		args[i] = v
	}
	m.Call(args)
	if rec.path == "" {
		return ""
	}
	path := rec.path
	for _, mk := range markers {
		path = strings.ReplaceAll(path, mk, pathParam)
	}
	return path
}
