package test

import (
	"encoding/json"
	"sync"
	"testing"
)

var (
	reqExamplesOnce sync.Once
	reqExamples     map[string]json.RawMessage
)

// requestExamples maps each operationId to its request body example.
func requestExamples(t *testing.T) map[string]json.RawMessage {
	t.Helper()
	reqExamplesOnce.Do(func() {
		reqExamples = map[string]json.RawMessage{}
		doc := loadSpec(t)
		for _, o := range specOps(doc) {
			if o.op.RequestBody == nil {
				continue
			}
			if mt := o.op.RequestBody.Value.Content.Get("application/json"); mt != nil && mt.Example != nil {
				b, err := json.Marshal(mt.Example)
				if err == nil {
					reqExamples[o.op.OperationID] = b
				}
			}
		}
	})
	return reqExamples
}
