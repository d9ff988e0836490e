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

// install prepares the state for a server (nothing to take yet).
func (st *state) install(*Server) {}

// stateful lists the operations the state answers.
var stateful = map[string]func(st *state, c *Call) (int, any){
	"createWebsite":                           (*state).createWebsite,
	"checkWebsiteExists":                      (*state).checkWebsite,
	"getWebsite":                              (*state).getWebsite,
	"deleteWebsite":                           (*state).deleteWebsite,
	"listConversations":                       (*state).listConversations,
	"createNewConversation":                   (*state).createConversation,
	"checkConversationExists":                 (*state).checkConversation,
	"getConversation":                         (*state).getConversation,
	"removeConversation":                      (*state).removeConversation,
	"initiateConversationWithExistingSession": (*state).initiateConversation,
	"getConversationState":                    (*state).getConversationState,
	"changeConversationState":                 (*state).changeConversationState,
	"getConversationMetas":                    (*state).getConversationMetas,
	"updateConversationMetas":                 (*state).updateConversationMetas,
	"getConversationRoutingAssign":            (*state).getRouting,
	"assignConversationRouting":               (*state).assignRouting,
	"getConversationParticipants":             (*state).getParticipants,
	"saveConversationParticipants":            (*state).saveParticipants,
	"getBlockStatusForConversation":           (*state).getBlock,
	"blockIncomingMessagesForConversation":    (*state).setBlock,
	"getVerifyStatusForConversation":          (*state).getVerify,
	"updateVerifyStatusForConversation":       (*state).setVerify,
	"updateConversationOpenState":             (*state).setOpen,
	"updateConversationInbox":                 (*state).setInbox,
	"getMessagesInConversation":               (*state).getMessages,
	"sendMessageInConversation":               (*state).sendMessage,
	"getMessageInConversation":                (*state).getMessage,
	"updateMessageInConversation":             (*state).updateMessage,
	"removeMessageInConversation":             (*state).removeMessage,
	"markMessagesReadInConversation":          (*state).markRead,
	"markMessagesDeliveredInConversation":     (*state).markDelivered,
	"markConversationAsUnread":                (*state).markUnread,
	"listPeopleProfiles":                      (*state).listPeople,
	"addNewPeopleProfile":                     (*state).addPeople,
	"checkPeopleProfileExists":                (*state).checkPeople,
	"getPeopleProfile":                        (*state).getPeople,
	"savePeopleProfile":                       (*state).savePeople,
	"updatePeopleProfile":                     (*state).updatePeople,
	"removePeopleProfile":                     (*state).removePeople,
	"addPeopleEvent":                          (*state).addEvent,
	"listPeopleEvents":                        (*state).listEvents,
	"getPeopleData":                           (*state).getPeopleData,
	"savePeopleData":                          (*state).savePeopleData,
	"updatePeopleData":                        (*state).updatePeopleData,
	"getPeopleSubscriptionStatus":             (*state).getSubscription,
	"updatePeopleSubscriptionStatus":          (*state).setSubscription,
	"getPeopleStatistics":                     (*state).peopleStats,
}

func (st *state) handles(op string) bool { _, ok := stateful[op]; return ok }

func (st *state) serve(c *Call) (int, any) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if id, keyed := c.PathParams["website_id"]; keyed && st.websites[id] == nil {
		return notFound("website")
	}
	return stateful[c.Operation](st, c)
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

func body(c *Call) obj {
	var b obj
	_ = json.Unmarshal(c.Body, &b)
	if b == nil {
		b = obj{}
	}
	return b
}

func now() int64 { return time.Now().UnixMilli() }

func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// page slices items for a 1-based page number and a page size.
func page[T any](items []T, c *Call, size int) []T {
	n, _ := strconv.Atoi(c.PathParams["page_number"])
	if v, err := strconv.Atoi(c.Query.Get("per_page")); err == nil && v > 0 {
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
	b := body(c)
	id := newUUID()
	w := obj{"website_id": id, "name": b["name"], "domain": b["domain"], "verified": false}
	st.websites[id] = w
	return ok("added", w)
}

func (st *state) checkWebsite(c *Call) (int, any) {
	domain := c.Query.Get("domain")
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
	q := c.Query
	text := strings.ToLower(q.Get("search_query"))
	if t := q.Get("search_type"); t != "" && t != "text" {
		text = "" // segment and filter searches are not modelled: list all
	}
	var out []obj
	for _, cv := range st.convs {
		d := cv.data
		if d["website_id"] != c.PathParams["website_id"] {
			continue
		}
		if q.Get("include_empty") != "1" && len(cv.messages) == 0 {
			continue
		}
		if q.Get("filter_resolved") == "1" && d["state"] != "resolved" {
			continue
		}
		if q.Get("filter_not_resolved") == "1" && d["state"] == "resolved" {
			continue
		}
		if q.Get("filter_unread") == "1" && toInt(d["unread"].(obj)["operator"]) == 0 {
			continue
		}
		if id := q.Get("filter_inbox_id"); id != "" && d["inbox_id"] != id {
			continue
		}
		if q.Get("filter_unassigned") == "1" && d["assigned"] != nil {
			continue
		}
		if id := q.Get("filter_assigned"); id != "" {
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
	key := "updated_at"
	if q.Get("order_date_created") == "1" {
		key = "created_at"
	}
	sort.Slice(out, func(i, j int) bool { return toInt(out[i][key]) > toInt(out[j][key]) })
	return ok("listed", page(out, c, 20))
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
		s, _ := body(c)["state"].(string)
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
		for k, v := range body(c) {
			if k == "data" {
				d, _ := meta["data"].(obj)
				if d == nil {
					d = obj{}
				}
				for dk, dv := range v.(obj) {
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
		a, _ := body(c)["assigned"].(obj)
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
		cv.data["participants"] = body(c)["participants"]
		return ok("updated", nil)
	})
}

func (st *state) getBlock(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) { return ok("resolved", obj{"blocked": cv.data["is_blocked"]}) })
}

func (st *state) setBlock(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		cv.data["is_blocked"] = body(c)["blocked"]
		return ok("updated", nil)
	})
}

func (st *state) getVerify(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) { return ok("resolved", obj{"verified": cv.data["is_verified"]}) })
}

func (st *state) setVerify(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		cv.data["is_verified"] = body(c)["verified"]
		return ok("updated", nil)
	})
}

func (st *state) setOpen(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) { return ok("updated", nil) })
}

func (st *state) setInbox(c *Call) (int, any) {
	return st.withConv(c, func(cv *conversation) (int, any) {
		if id, _ := body(c)["inbox_id"].(string); id != "" {
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
		if v := c.Query.Get("timestamp_before"); v != "" {
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
		b := body(c)
		t := now()
		if n := len(cv.messages); n > 0 && toInt(cv.messages[n-1]["timestamp"]) >= t {
			t = toInt(cv.messages[n-1]["timestamp"]) + 1 // keep timestamps strictly increasing
		}
		fp := toInt(b["fingerprint"])
		if fp == 0 {
			st.seq++
			fp = t*100 + st.seq%100
		}
		m := obj{"session_id": cv.data["session_id"], "website_id": cv.data["website_id"], "fingerprint": fp, "timestamp": t}
		for _, k := range []string{"type", "from", "origin", "content", "mentions", "stamped", "automated", "translated", "references", "properties"} {
			if v, has := b[k]; has {
				m[k] = v
			}
		}
		if u, _ := b["user"].(obj); u != nil {
			m["user"] = u
		}
		cv.messages = append(cv.messages, m)
		if s, isText := b["content"].(string); isText {
			cv.data["last_message"] = s
		}
		unread := cv.data["unread"].(obj)
		if b["from"] == "user" {
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
		cv.messages[i]["content"] = body(c)["content"]
		cv.messages[i]["edited"] = true
		return ok("updated", nil)
	})
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
		b := body(c)
		reader, _ := b["from"].(string)
		origin, _ := b["origin"].(string)
		want := map[int64]bool{}
		if fps, _ := b["fingerprints"].([]any); len(fps) > 0 {
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
		if body(c)["from"] == "operator" {
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
	text := strings.ToLower(c.Query.Get("search_text"))
	var filters []struct {
		Model, Criterion, Operator string
		Query                      []string
	}
	if raw := c.Query.Get("search_filter"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &filters); err != nil {
			return invalid("search_filter is not a JSON array of filters")
		}
	}
	anyOf := c.Query.Get("search_operator") == "or"
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
	return ok("listed", page(out, c, 20))
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
	b := body(c)
	email, _ := b["email"].(string)
	if _, taken := st.emails[strings.ToLower(email)]; taken {
		return http.StatusConflict, obj{"error": true, "reason": "people_exists", "data": obj{"message": "a profile with this email exists"}}
	}
	id := newUUID()
	st.seq++
	t := now() + st.seq
	d := obj{"people_id": id, "created_at": t, "updated_at": t}
	for _, k := range []string{"email", "person", "company", "segments", "notepad"} {
		if v, has := b[k]; has {
			d[k] = v
		}
	}
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
		b := body(c)
		id := p.data["people_id"]
		if replace {
			p.data = obj{"people_id": id, "created_at": p.data["created_at"]}
		}
		for _, k := range []string{"email", "person", "company", "segments", "notepad"} {
			if v, has := b[k]; has {
				p.data[k] = v
			}
		}
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
		b := body(c)
		e := obj{"text": b["text"], "timestamp": now()}
		for _, k := range []string{"data", "color"} {
			if v, has := b[k]; has {
				e[k] = v
			}
		}
		p.events = append([]obj{e}, p.events...)
		return ok("added", nil)
	})
}

func (st *state) listEvents(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) { return ok("listed", page(p.events, c, 20)) })
}

func (st *state) getPeopleData(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) { return ok("resolved", obj{"data": p.custom}) })
}

func (st *state) savePeopleData(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) {
		d, _ := body(c)["data"].(obj)
		p.custom = obj{}
		for k, v := range d {
			p.custom[k] = v
		}
		return ok("updated", nil)
	})
}

func (st *state) updatePeopleData(c *Call) (int, any) {
	return st.withPerson(c, func(p *profile) (int, any) {
		d, _ := body(c)["data"].(obj)
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
		p.subbed, _ = body(c)["email"].(bool)
		return ok("updated", nil)
	})
}

func (st *state) peopleStats(_ *Call) (int, any) {
	return ok("resolved", obj{"total": len(st.people)})
}
