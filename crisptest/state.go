package crisptest

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// obj is a JSON object as the state keeps it.
type obj = map[string]any

// state is the in-memory store behind the stateful operations:
// conversations, their messages, and people profiles. Values are kept as
// JSON objects shaped like openapi.yaml's schemas, so that answers validate.
type state struct {
	// unmodelled maps each stateful operation to the query parameters of
	// the specification that the state does not model.
	unmodelled map[string]map[string]bool

	mu       sync.Mutex
	websites map[string]obj
	convs    map[string]*conversation
	people   map[string]*profile
	emails   map[string]string // email → people_id
	seq      int64
}

type conversation struct {
	data     obj
	messages []obj
}

type profile struct {
	data   obj
	events []obj
	custom obj
	subbed bool
}

func newState() *state {
	return &state{
		websites: map[string]obj{WebsiteID: {"website_id": WebsiteID, "name": "Crisptest", "domain": "crisptest.example", "verified": true}},
		convs:    map[string]*conversation{},
		people:   map[string]*profile{},
		emails:   map[string]string{},
	}
}

// install prepares the state for a server: what it does not model of the
// server's specification.
func (st *state) install(s *Server) { st.unmodelled = unmodelledParams(s.spec) }

func (st *state) handles(op string) bool { _, ok := stateful[op]; return ok }

// serve answers a call from the state. The answer is encoded before the
// lock is released: it holds the state's live maps, which later calls
// change.
func (st *state) serve(c *Call) (int, any) {
	st.mu.Lock()
	defer st.mu.Unlock()
	status, out := st.answer(c)
	if out == nil {
		return status, nil
	}
	b, err := json.Marshal(out)
	if err != nil {
		return http.StatusInternalServerError, obj{"error": true, "reason": "error", "data": obj{"message": "crisptest: encode the answer: " + err.Error()}}
	}
	return status, json.RawMessage(b)
}

func (st *state) answer(c *Call) (int, any) {
	if id, keyed := c.PathParams["website_id"]; keyed && st.websites[id] == nil {
		return notFound("website")
	}
	return stateful[c.Operation].serve(st, c)
}

// --- answers ---

func ok(reason string, data any) (int, any) {
	if data == nil {
		data = obj{}
	}
	return http.StatusOK, obj{"error": false, "reason": reason, "data": data}
}

func notFound(what string) (int, any) {
	return http.StatusNotFound, obj{"error": true, "reason": "not_found", "data": obj{"message": what + " not found"}}
}

func invalid(msg string) (int, any) {
	return http.StatusBadRequest, obj{"error": true, "reason": "invalid_data", "data": obj{"message": msg}}
}

// copyFields copies the named body fields the call has into dst.
func copyFields(dst obj, c *Call, names ...string) {
	for _, k := range names {
		if v, has := c.fieldOK(k); has {
			dst[k] = v
		}
	}
}

func now() int64 { return time.Now().UnixMilli() }

func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// page slices items for the 1-based page number of the call and a page
// size: perPage when it is a positive number, else size.
func page[T any](items []T, c *Call, perPage string, size int) []T {
	n, _ := strconv.Atoi(c.PathParams["page_number"])
	if v, err := strconv.Atoi(perPage); err == nil && v > 0 {
		size = v
	}
	start := (n - 1) * size
	if n < 1 || start >= len(items) {
		return []T{}
	}
	return items[start:min(start+size, len(items))]
}

// --- websites ---

func (st *state) createWebsite(c *Call) (int, any) {
	id := newUUID()
	w := obj{"website_id": id, "name": c.field("name"), "domain": c.field("domain"), "verified": false}
	st.websites[id] = w
	return ok("added", w)
}

func (st *state) checkWebsite(c *Call) (int, any) {
	domain := c.param("domain")
	for _, w := range st.websites {
		if w["domain"] == domain {
			return http.StatusOK, nil
		}
	}
	return http.StatusNotFound, nil
}

func (st *state) getWebsite(c *Call) (int, any) {
	return ok("resolved", st.websites[c.PathParams["website_id"]])
}

// deleteWebsite removes a website; its conversations and profiles become
// unreachable (every route under it answers 404).
func (st *state) deleteWebsite(c *Call) (int, any) {
	delete(st.websites, c.PathParams["website_id"])
	return ok("deleted", nil)
}

// --- conversations ---

func (st *state) conv(c *Call) (*conversation, bool) {
	cv, ok := st.convs[c.PathParams["session_id"]]
	if ok && cv.data["website_id"] != c.PathParams["website_id"] {
		return nil, false // a conversation of another website
	}
	return cv, ok
}

func (st *state) newConversation(websiteID, sessionID string) *conversation {
	t := now()
	st.seq++
	d := obj{
		"session_id":   sessionID,
		"website_id":   websiteID,
		"state":        "pending",
		"status":       0,
		"is_verified":  false,
		"is_blocked":   false,
		"unread":       obj{"operator": 0, "visitor": 0},
		"meta":         obj{"segments": []any{}, "data": obj{}},
		"participants": []any{},
		"created_at":   t,
		"updated_at":   t + st.seq, // distinct, so that ordering is stable
	}
	cv := &conversation{data: d}
	st.convs[sessionID] = cv
	return cv
}

func (st *state) createConversation(c *Call) (int, any) {
	id := "session_" + newUUID()
	st.newConversation(c.PathParams["website_id"], id)
	return ok("added", obj{"session_id": id})
}

func (st *state) checkConversation(c *Call) (int, any) {
	if _, ok := st.conv(c); ok {
		return http.StatusOK, nil
	}
	return http.StatusNotFound, nil
}

func (st *state) getConversation(c *Call) (int, any) {
	cv, found := st.conv(c)
	if !found {
		return notFound("conversation")
	}
	return ok("resolved", cv.data)
}

func (st *state) removeConversation(c *Call) (int, any) {
	if _, found := st.conv(c); !found {
		return notFound("conversation")
	}
	delete(st.convs, c.PathParams["session_id"])
	return ok("deleted", nil)
}

func (st *state) initiateConversation(c *Call) (int, any) {
	if _, found := st.conv(c); !found {
		return notFound("conversation")
	}
	return ok("updated", nil)
}

func (st *state) listConversations(c *Call) (int, any) {
	q := c.param
	text := strings.ToLower(q("search_query"))
	if t := q("search_type"); t != "" && t != "text" {
		text = "" // segment and filter searches are not modelled: list all
		c.noteUnmodelled("search_type=" + t)
	}
	var out []obj
	for _, cv := range st.convs {
		d := cv.data
		if d["website_id"] != c.PathParams["website_id"] {
			continue
		}
		if q("include_empty") != "1" && len(cv.messages) == 0 {
			continue
		}
		if q("filter_resolved") == "1" && d["state"] != "resolved" {
			continue
		}
		if q("filter_not_resolved") == "1" && d["state"] == "resolved" {
			continue
		}
		if q("filter_unread") == "1" && toInt(d["unread"].(obj)["operator"]) == 0 {
			continue
		}
		if id := q("filter_inbox_id"); id != "" && d["inbox_id"] != id {
			continue
		}
		if q("filter_unassigned") == "1" && d["assigned"] != nil {
			continue
		}
		if id := q("filter_assigned"); id != "" {
			a, _ := d["assigned"].(obj)
			if a == nil || a["user_id"] != id {
				continue
			}
		}
		if text != "" && !cv.matches(text) {
			continue
		}
		out = append(out, d)
	}
	key := "updated_at" // the default order, as order_date_updated=1 asks
	if q("order_date_created") == "1" && q("order_date_updated") != "1" {
		key = "created_at"
	}
	sort.Slice(out, func(i, j int) bool { return toInt(out[i][key]) > toInt(out[j][key]) })
	return ok("listed", page(out, c, q("per_page"), 20))
}

func (cv *conversation) matches(text string) bool {
	meta, _ := cv.data["meta"].(obj)
	for _, k := range []string{"nickname", "email", "phone", "subject"} {
		if s, _ := meta[k].(string); strings.Contains(strings.ToLower(s), text) {
			return true
		}
	}
	for _, m := range cv.messages {
		if s, _ := m["content"].(string); strings.Contains(strings.ToLower(s), text) {
			return true
		}
	}
	return false
}

func toInt(v any) int64 {
	switch n := v.(type) {
	case int:
		return int64(n)
	case int64:
		return n
	case float64:
		return int64(n)
	case json.Number:
		i, _ := n.Int64()
		return i
	case string: // fingerprints may be sent as strings of digits
		i, _ := strconv.ParseInt(n, 10, 64)
		return i
	}
	return 0
}

func (st *state) touch(cv *conversation) {
	st.seq++
	cv.data["updated_at"] = now() + st.seq
}

// withConv runs fn on the conversation of the call, or answers 404.
func (st *state) withConv(c *Call, fn func(cv *conversation) (int, any)) (int, any) {
	cv, found := st.conv(c)
	if !found {
		return notFound("conversation")
	}
	return fn(cv)
}

func (st *state) getConversationState(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) { return ok("resolved", obj{"state": cv.data["state"]}) })
}

var stateStatus = map[string]int{"pending": 0, "unresolved": 1, "resolved": 2}

func (st *state) changeConversationState(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		s, _ := c.field("state").(string)
		cv.data["state"], cv.data["status"] = s, stateStatus[s]
		st.touch(cv)
		return ok("updated", nil)
	})
}

func (st *state) getConversationMetas(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) { return ok("resolved", cv.data["meta"]) })
}

func (st *state) updateConversationMetas(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		meta := cv.data["meta"].(obj)
		for _, k := range stateful[c.Operation].body {
			v, has := c.fieldOK(k)
			if !has {
				continue
			}
			if k == "data" {
				d, _ := meta["data"].(obj)
				if d == nil {
					d = obj{}
				}
				add, _ := v.(obj)
				for dk, dv := range add {
					d[dk] = dv
				}
				meta["data"] = d
				continue
			}
			meta[k] = v
		}
		st.touch(cv)
		return ok("updated", nil)
	})
}

func (st *state) getRouting(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		if a, has := cv.data["assigned"]; has && a != nil {
			return ok("resolved", obj{"assigned": a})
		}
		return ok("resolved", obj{})
	})
}

func (st *state) assignRouting(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		a, _ := c.field("assigned").(obj)
		if a == nil {
			delete(cv.data, "assigned")
		} else {
			cv.data["assigned"] = obj{"user_id": a["user_id"]}
		}
		st.touch(cv)
		return ok("updated", nil)
	})
}

func (st *state) getParticipants(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		return ok("resolved", obj{"participants": cv.data["participants"]})
	})
}

func (st *state) saveParticipants(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		cv.data["participants"] = c.field("participants")
		return ok("updated", nil)
	})
}

func (st *state) getBlock(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) { return ok("resolved", obj{"blocked": cv.data["is_blocked"]}) })
}

func (st *state) setBlock(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		cv.data["is_blocked"] = c.field("blocked")
		return ok("updated", nil)
	})
}

func (st *state) getVerify(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) { return ok("resolved", obj{"verified": cv.data["is_verified"]}) })
}

func (st *state) setVerify(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		cv.data["is_verified"] = c.field("verified")
		return ok("updated", nil)
	})
}

func (st *state) setOpen(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) { return ok("updated", nil) })
}

func (st *state) setInbox(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		if id, _ := c.field("inbox_id").(string); id != "" {
			cv.data["inbox_id"] = id
		} else {
			delete(cv.data, "inbox_id")
		}
		return ok("updated", nil)
	})
}

// --- messages ---

// messagesPerPage is how many messages one call of the messages route
// returns at most, as Crisp does.
const messagesPerPage = 40

func (st *state) getMessages(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		msgs := cv.messages
		if v := c.param("timestamp_before"); v != "" {
			before, _ := strconv.ParseInt(v, 10, 64)
			i := sort.Search(len(msgs), func(i int) bool { return toInt(msgs[i]["timestamp"]) >= before })
			msgs = msgs[:i]
		}
		status := http.StatusOK
		if len(msgs) > messagesPerPage {
			msgs = msgs[len(msgs)-messagesPerPage:]
			status = http.StatusPartialContent
		}
		_, env := ok("listed", msgs)
		if msgs == nil {
			_, env = ok("listed", []obj{})
		}
		return status, env
	})
}

func (st *state) sendMessage(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		t := now()
		if n := len(cv.messages); n > 0 && toInt(cv.messages[n-1]["timestamp"]) >= t {
			t = toInt(cv.messages[n-1]["timestamp"]) + 1 // keep timestamps strictly increasing
		}
		fp := toInt(c.field("fingerprint"))
		if fp == 0 {
			st.seq++
			fp = t*100 + st.seq%100
		}
		m := obj{"session_id": cv.data["session_id"], "website_id": cv.data["website_id"], "fingerprint": fp, "timestamp": t}
		copyFields(m, c, "type", "from", "origin", "content", "mentions", "automated", "translated", "references", "properties")
		if u, _ := c.field("user").(obj); u != nil {
			m["user"] = u
		}
		cv.messages = append(cv.messages, m)
		if s, isText := c.field("content").(string); isText {
			cv.data["last_message"] = s
		}
		unread := cv.data["unread"].(obj)
		if c.field("from") == "user" {
			unread["operator"] = toInt(unread["operator"]) + 1
		} else {
			unread["visitor"] = toInt(unread["visitor"]) + 1
		}
		st.touch(cv)
		return ok("dispatched", obj{"fingerprint": fp})
	})
}

func (cv *conversation) message(c *Call) (int, bool) {
	fp, _ := strconv.ParseInt(c.PathParams["fingerprint"], 10, 64)
	for i, m := range cv.messages {
		if toInt(m["fingerprint"]) == fp {
			return i, true
		}
	}
	return 0, false
}

func (st *state) withMessage(c *Call, fn func(cv *conversation, i int) (int, any)) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		i, found := cv.message(c)
		if !found {
			return notFound("message")
		}
		return fn(cv, i)
	})
}

func (st *state) getMessage(c *Call) (int, any) {
	return st.withMessage(c, func(cv *conversation, i int) (int, any) { return ok("resolved", cv.messages[i]) })
}

func (st *state) updateMessage(c *Call) (int, any) {
	return st.withMessage(c, func(cv *conversation, i int) (int, any) {
		// The body does not repeat the message type: the new content must
		// fit the type of the stored message, as ConversationMessage says.
		edited := make(obj, len(cv.messages[i]))
		for k, v := range cv.messages[i] {
			edited[k] = v
		}
		edited["content"] = c.field("content")
		if msg := messageInvalid(edited); msg != "" {
			return invalid("content does not match the message type: " + msg)
		}
		cv.messages[i]["content"] = c.field("content")
		cv.messages[i]["edited"] = true
		return ok("updated", nil)
	})
}

// messageInvalid validates m against the ConversationMessage schema of the
// spec and returns what is wrong, or "" when m is valid.
func messageInvalid(m obj) string {
	sp, err := loadSpec()
	if err != nil {
		return err.Error()
	}
	ref := sp.doc.Components.Schemas["ConversationMessage"]
	if ref == nil || ref.Value == nil {
		return "the spec has no ConversationMessage schema"
	}
	// Validate the JSON form of m, as a client would read it.
	b, err := json.Marshal(m)
	if err != nil {
		return err.Error()
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err.Error()
	}
	if err := ref.Value.VisitJSON(v); err != nil {
		return schemaErrorText(err)
	}
	return ""
}

func (st *state) removeMessage(c *Call) (int, any) {
	return st.withMessage(c, func(cv *conversation, i int) (int, any) {
		cv.messages = append(cv.messages[:i], cv.messages[i+1:]...)
		return ok("deleted", nil)
	})
}

// mark sets key on the messages sent by the other side (all of them, or
// the listed fingerprints) and clears the reader's unread count.
func (st *state) mark(c *Call, key string) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		reader, _ := c.field("from").(string)
		origin, _ := c.field("origin").(string)
		want := map[int64]bool{}
		if fps, _ := c.field("fingerprints").([]any); len(fps) > 0 {
			for _, f := range fps {
				want[toInt(f)] = true
			}
		}
		for _, m := range cv.messages {
			if m["from"] == reader {
				continue
			}
			if len(want) > 0 && !want[toInt(m["fingerprint"])] {
				continue
			}
			m[key] = origin
		}
		if key == "read" {
			side := "operator"
			if reader == "user" {
				side = "visitor"
			}
			cv.data["unread"].(obj)[side] = 0
		}
		return ok("updated", nil)
	})
}

func (st *state) markRead(c *Call) (int, any)      { return st.mark(c, "read") }
func (st *state) markDelivered(c *Call) (int, any) { return st.mark(c, "delivered") }

func (st *state) markUnread(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		unread := cv.data["unread"].(obj)
		side := "operator"
		if c.field("from") == "operator" {
			side = "visitor"
		}
		if toInt(unread[side]) == 0 {
			unread[side] = 1
		}
		return ok("updated", nil)
	})
}

// --- people ---

func (st *state) person(c *Call) (*profile, bool) {
	id := c.PathParams["people_id"]
	if pid, isEmail := st.emails[strings.ToLower(id)]; isEmail {
		id = pid
	}
	p, found := st.people[id]
	return p, found
}

func (st *state) withPerson(c *Call, fn func(p *profile) (int, any)) (int, any) {
	p, found := st.person(c)
	if !found {
		return notFound("people profile")
	}
	return fn(p)
}

func (st *state) listPeople(c *Call) (int, any) {
	text := strings.ToLower(c.param("search_text"))
	var filters []struct {
		Model, Criterion, Operator string
		Query                      []string
	}
	if raw := c.param("search_filter"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &filters); err != nil {
			return invalid("search_filter is not a JSON array of filters")
		}
	}
	anyOf := c.param("search_operator") == "or"
	var out []obj
	for _, p := range st.people {
		if text != "" && !strings.Contains(strings.ToLower(fmt.Sprint(p.data["email"], " ", p.data["person"])), text) {
			continue
		}
		if len(filters) > 0 {
			hits := 0
			for _, f := range filters {
				if filterMatches(p.data, f.Criterion, f.Operator, f.Query) {
					hits++
				}
			}
			if (anyOf && hits == 0) || (!anyOf && hits < len(filters)) {
				continue
			}
		}
		out = append(out, p.data)
	}
	sort.Slice(out, func(i, j int) bool { return toInt(out[i]["created_at"]) > toInt(out[j]["created_at"]) })
	return ok("listed", page(out, c, c.param("per_page"), 20))
}

// filterMatches applies one people filter: criterion is a dotted path in
// the profile (email, person.nickname, segments, ...).
func filterMatches(p obj, criterion, operator string, query []string) bool {
	var v any = p
	for _, part := range strings.Split(criterion, ".") {
		m, isObj := v.(obj)
		if !isObj {
			return false
		}
		v = m[part]
	}
	values := []string{}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			values = append(values, fmt.Sprint(e))
		}
	case nil:
	default:
		values = append(values, fmt.Sprint(x))
	}
	for _, q := range query {
		for _, val := range values {
			switch operator {
			case "eq":
				if val == q {
					return true
				}
			case "neq":
				if val != q {
					return true
				}
			case "has", "contains":
				if strings.Contains(strings.ToLower(val), strings.ToLower(q)) {
					return true
				}
			case "has_not":
				if !strings.Contains(strings.ToLower(val), strings.ToLower(q)) {
					return true
				}
			}
		}
	}
	return false
}

func (st *state) addPeople(c *Call) (int, any) {
	email, _ := c.field("email").(string)
	if _, taken := st.emails[strings.ToLower(email)]; taken {
		return http.StatusConflict, obj{"error": true, "reason": "people_exists", "data": obj{"message": "a profile with this email exists"}}
	}
	id := newUUID()
	st.seq++
	t := now() + st.seq
	d := obj{"people_id": id, "created_at": t, "updated_at": t}
	copyFields(d, c, peopleFields...)
	st.people[id] = &profile{data: d, custom: obj{}, subbed: true}
	st.emails[strings.ToLower(email)] = id
	return ok("added", obj{"people_id": id})
}

func (st *state) checkPeople(c *Call) (int, any) {
	if _, found := st.person(c); found {
		return http.StatusOK, nil
	}
	return http.StatusNotFound, nil
}

func (st *state) getPeople(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) { return ok("resolved", p.data) })
}

func (st *state) writePeople(c *Call, replace bool) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) {
		id := p.data["people_id"]
		if replace {
			p.data = obj{"people_id": id, "created_at": p.data["created_at"]}
		}
		copyFields(p.data, c, peopleFields...)
		st.seq++
		p.data["updated_at"] = now() + st.seq
		for e, pid := range st.emails {
			if pid == id {
				delete(st.emails, e)
			}
		}
		if email, _ := p.data["email"].(string); email != "" {
			st.emails[strings.ToLower(email)] = id.(string)
		}
		return ok("updated", nil)
	})
}

func (st *state) savePeople(c *Call) (int, any)   { return st.writePeople(c, true) }
func (st *state) updatePeople(c *Call) (int, any) { return st.writePeople(c, false) }

func (st *state) removePeople(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) {
		id := p.data["people_id"].(string)
		delete(st.people, id)
		for e, pid := range st.emails {
			if pid == id {
				delete(st.emails, e)
			}
		}
		return ok("deleted", nil)
	})
}

func (st *state) addEvent(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) {
		e := obj{"text": c.field("text"), "timestamp": now()}
		copyFields(e, c, "data", "color")
		p.events = append([]obj{e}, p.events...)
		return ok("added", nil)
	})
}

func (st *state) listEvents(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) { return ok("listed", page(p.events, c, "", 20)) })
}

func (st *state) getPeopleData(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) { return ok("resolved", obj{"data": p.custom}) })
}

func (st *state) savePeopleData(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) {
		d, _ := c.field("data").(obj)
		p.custom = obj{}
		for k, v := range d {
			p.custom[k] = v
		}
		return ok("updated", nil)
	})
}

func (st *state) updatePeopleData(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) {
		d, _ := c.field("data").(obj)
		for k, v := range d {
			p.custom[k] = v
		}
		return ok("updated", nil)
	})
}

func (st *state) getSubscription(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) { return ok("resolved", obj{"email": p.subbed}) })
}

func (st *state) setSubscription(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) {
		p.subbed, _ = c.field("email").(bool)
		return ok("updated", nil)
	})
}

func (st *state) peopleStats(_ *Call) (int, any) {
	return ok("resolved", obj{"total": len(st.people)})
}
