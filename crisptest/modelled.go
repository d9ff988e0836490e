package crisptest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// UnmodelledHeader is the response header in which the server lists the
// query parameters of a request that its in-memory state does not model
// (comma-separated), as Request.Unmodelled records them.
const UnmodelledHeader = "X-Crisptest-Unmodelled"

// statefulOp is how the in-memory state answers one operation, and the
// part of the operation's request it models.
type statefulOp struct {
	serve func(st *state, c *Call) (int, any)
	// query lists the query parameters the answer honours.
	query []string
	// body lists the top-level request body fields the answer reads.
	body []string
}

// Names shared by several entries.
var (
	peopleFields = []string{"email", "person", "company", "segments", "notepad"}
	metaFields   = []string{"nickname", "email", "phone", "address", "subject", "ip", "avatar", "device", "segments", "data"}
	messageField = []string{"type", "from", "origin", "content", "fingerprint", "mentions", "automated", "translated", "references", "properties", "user"}
	markFields   = []string{"from", "origin", "fingerprints"}
)

// stateful is the one table of what the in-memory state models: the
// operations it answers and, for each, every query parameter and body field
// it interprets. Handlers read the request only through Call.param and
// Call.field, which refuse names missing here; TestModelledMatchesSpec
// checks every name against openapi.yaml, and the query parameters of the
// specification missing here are reported as unmodelled. (It is filled in
// init because the handlers refer to it.)
var stateful map[string]statefulOp

func init() {
	stateful = map[string]statefulOp{
		"createWebsite":      {serve: (*state).createWebsite, body: []string{"name", "domain"}},
		"checkWebsiteExists": {serve: (*state).checkWebsite, query: []string{"domain"}},
		"getWebsite":         {serve: (*state).getWebsite},
		"deleteWebsite":      {serve: (*state).deleteWebsite},
		"listConversations": {serve: (*state).listConversations, query: []string{
			"per_page", "include_empty",
			"filter_inbox_id", "filter_unread", "filter_resolved", "filter_not_resolved", "filter_assigned", "filter_unassigned",
			"order_date_created", "order_date_updated",
			"search_type", "search_query",
		}},
		"createNewConversation":                   {serve: (*state).createConversation},
		"checkConversationExists":                 {serve: (*state).checkConversation},
		"getConversation":                         {serve: (*state).getConversation},
		"removeConversation":                      {serve: (*state).removeConversation},
		"initiateConversationWithExistingSession": {serve: (*state).initiateConversation},
		"getConversationState":                    {serve: (*state).getConversationState},
		"changeConversationState":                 {serve: (*state).changeConversationState, body: []string{"state"}},
		"getConversationMetas":                    {serve: (*state).getConversationMetas},
		"updateConversationMetas":                 {serve: (*state).updateConversationMetas, body: metaFields},
		"getConversationRoutingAssign":            {serve: (*state).getRouting},
		"assignConversationRouting":               {serve: (*state).assignRouting, body: []string{"assigned"}},
		"getConversationParticipants":             {serve: (*state).getParticipants},
		"saveConversationParticipants":            {serve: (*state).saveParticipants, body: []string{"participants"}},
		"getBlockStatusForConversation":           {serve: (*state).getBlock},
		"blockIncomingMessagesForConversation":    {serve: (*state).setBlock, body: []string{"blocked"}},
		"getVerifyStatusForConversation":          {serve: (*state).getVerify},
		"updateVerifyStatusForConversation":       {serve: (*state).setVerify, body: []string{"verified"}},
		"updateConversationOpenState":             {serve: (*state).setOpen},
		"updateConversationInbox":                 {serve: (*state).setInbox, body: []string{"inbox_id"}},
		"getMessagesInConversation":               {serve: (*state).getMessages, query: []string{"timestamp_before"}},
		"sendMessageInConversation":               {serve: (*state).sendMessage, body: messageField},
		"getMessageInConversation":                {serve: (*state).getMessage},
		"updateMessageInConversation":             {serve: (*state).updateMessage, body: []string{"content"}},
		"removeMessageInConversation":             {serve: (*state).removeMessage},
		"markMessagesReadInConversation":          {serve: (*state).markRead, body: markFields},
		"markMessagesDeliveredInConversation":     {serve: (*state).markDelivered, body: markFields},
		"markConversationAsUnread":                {serve: (*state).markUnread, body: []string{"from"}},
		"listPeopleProfiles": {serve: (*state).listPeople, query: []string{
			"per_page", "search_text", "search_filter", "search_operator",
		}},
		"addNewPeopleProfile":            {serve: (*state).addPeople, body: peopleFields},
		"checkPeopleProfileExists":       {serve: (*state).checkPeople},
		"getPeopleProfile":               {serve: (*state).getPeople},
		"savePeopleProfile":              {serve: (*state).savePeople, body: peopleFields},
		"updatePeopleProfile":            {serve: (*state).updatePeople, body: peopleFields},
		"removePeopleProfile":            {serve: (*state).removePeople},
		"addPeopleEvent":                 {serve: (*state).addEvent, body: []string{"text", "data", "color"}},
		"listPeopleEvents":               {serve: (*state).listEvents},
		"getPeopleData":                  {serve: (*state).getPeopleData},
		"savePeopleData":                 {serve: (*state).savePeopleData, body: []string{"data"}},
		"updatePeopleData":               {serve: (*state).updatePeopleData, body: []string{"data"}},
		"getPeopleSubscriptionStatus":    {serve: (*state).getSubscription},
		"updatePeopleSubscriptionStatus": {serve: (*state).setSubscription, body: []string{"email"}},
		"getPeopleStatistics":            {serve: (*state).peopleStats},
	}
}

// checkModelled lists the names of a stateful table that the
// specification does not have: an unknown operation, a query parameter or
// a body field its operation does not declare.
func checkModelled(sp *spec, table map[string]statefulOp) []string {
	var problems []string
	for _, id := range sortedKeys(table) {
		e := table[id]
		o := sp.ops[id]
		if o == nil {
			problems = append(problems, fmt.Sprintf("%s: no such operation in openapi.yaml", id))
			continue
		}
		q := o.queryParams()
		for _, name := range e.query {
			if !q[name] {
				problems = append(problems, fmt.Sprintf("%s: query parameter %q is not in openapi.yaml (it has %s)", id, name, strings.Join(sortedKeys(q), ", ")))
			}
		}
		b := o.bodyFields()
		for _, name := range e.body {
			if !b[name] {
				problems = append(problems, fmt.Sprintf("%s: body field %q is not in openapi.yaml (it has %s)", id, name, strings.Join(sortedKeys(b), ", ")))
			}
		}
	}
	return problems
}

// unmodelledParams maps every stateful operation to the query parameters
// of the specification its table entry does not declare.
func unmodelledParams(sp *spec) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for id, e := range stateful {
		o := sp.ops[id]
		if o == nil {
			continue
		}
		set := o.queryParams()
		for _, name := range e.query {
			delete(set, name)
		}
		out[id] = set
	}
	return out
}

// unmodelledIn lists, sorted, the query parameters of a request that the
// state does not model.
func (st *state) unmodelledIn(c *Call) []string {
	var out []string
	for name := range c.Query {
		if st.unmodelled[c.Operation][name] {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// param returns a query parameter of the call that the stateful table
// declares for its operation. Reading an undeclared name is a bug of the
// fake: it is reported as a violation and reads as "".
func (c *Call) param(name string) string {
	if !contains(stateful[c.Operation].query, name) {
		c.undeclared("query parameter", name)
		return ""
	}
	return c.Query.Get(name)
}

// field returns a top-level field of the call's JSON body that the stateful
// table declares for its operation (nil when absent). Numbers are
// json.Number, so integers stay exact. Reading an undeclared name is
// reported as a violation and reads as absent.
func (c *Call) field(name string) any {
	v, _ := c.fieldOK(name)
	return v
}

// fieldOK is field, reporting whether the body has the field.
func (c *Call) fieldOK(name string) (any, bool) {
	if !contains(stateful[c.Operation].body, name) {
		c.undeclared("body field", name)
		return nil, false
	}
	if c.fields == nil {
		c.fields = decodeObject(c.Body)
	}
	v, has := c.fields[name]
	return v, has
}

// noteUnmodelled records that the call used a value the state does not
// model, such as "search_type=filter".
func (c *Call) noteUnmodelled(what string) {
	c.Unmodelled = append(c.Unmodelled, what)
}

func (c *Call) undeclared(kind, name string) {
	msg := fmt.Sprintf("the state of %s reads %s %q, which its entry in the stateful table (modelled.go) does not declare", c.Operation, kind, name)
	if c.server != nil {
		c.server.violation(msg)
	}
}

// decodeObject decodes a JSON object keeping every number as json.Number,
// so that integers above 2^53 stay exact; anything else decodes as an empty
// object (the request was validated against the specification before).
func decodeObject(data []byte) obj {
	var out obj
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&out); err != nil || out == nil {
		return obj{}
	}
	return out
}

// queryParams returns the names of the operation's query parameters.
func (o *Operation) queryParams() map[string]bool {
	out := map[string]bool{}
	for _, p := range o.params {
		if p.Value != nil && p.Value.In == "query" {
			out[p.Value.Name] = true
		}
	}
	return out
}

// bodyFields returns the top-level property names of the operation's JSON
// request body (across allOf, anyOf and oneOf).
func (o *Operation) bodyFields() map[string]bool {
	out := map[string]bool{}
	rb := o.op.RequestBody
	if rb == nil || rb.Value == nil {
		return out
	}
	mt := rb.Value.Content.Get("application/json")
	if mt == nil {
		return out
	}
	collectProperties(mt.Schema, out, 0)
	return out
}
