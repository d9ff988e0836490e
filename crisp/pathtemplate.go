package crisp

// pathTemplate returns the path template of operation op
// ("/website/{website_id}/people/profile/{people_id}"), or "" when op is
// not an operation of the spec. It is what Error prints in place of the
// request's path, which may hold personal data (a people ID is often an
// e-mail address). The table is generated from openapi.yaml
// (operations.gen.go).
func pathTemplate(op string) string { return operationPaths[op] }
