package test

import (
	"encoding/json"
	"errors"
	"strconv"
	"sync"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

// msgSessionID is a session ID with characters a path must escape.
const msgSessionID = "session_a/b ?c#d"

var (
	msgSpecOnce sync.Once
	msgSpecOps  []specOp
)

// messagesResponseExample returns the example answer (the whole envelope)
// of op for one status code, from openapi.yaml.
func messagesResponseExample(t *testing.T, op string, code int) json.RawMessage {
	t.Helper()
	msgSpecOnce.Do(func() { msgSpecOps = specOps(loadSpec(t)) })
	require.NotEmpty(t, msgSpecOps)
	for _, o := range msgSpecOps {
		if o.op.OperationID != op {
			continue
		}
		resp := o.op.Responses.Value(strconv.Itoa(code))
		require.NotNilf(t, resp, "%s has no %d answer", op, code)
		mt := resp.Value.Content.Get("application/json")
		require.NotNil(t, mt)
		require.NotNil(t, mt.Example, "%s %d has no example", op, code)
		b, err := json.Marshal(mt.Example)
		require.NoError(t, err)
		return b
	}
	t.Fatalf("no operation %s", op)
	return nil
}

// messagesOf decodes the data of an envelope holding a message list.
func messagesOf(t *testing.T, envelope json.RawMessage) []api.ConversationMessage {
	t.Helper()
	var env struct {
		Data []api.ConversationMessage `json:"data"`
	}
	require.NoError(t, json.Unmarshal(envelope, &env))
	require.NotEmpty(t, env.Data)
	return env.Data
}

// messageList is an envelope holding msgs.
func messageList(msgs []api.ConversationMessage) map[string]any {
	if msgs == nil {
		msgs = []api.ConversationMessage{}
	}
	return map[string]any{"error": false, "reason": "resolved", "data": msgs}
}

func TestGetMessagesInConversation(t *testing.T) {
	srv, c := setupFor(t, "getMessagesInConversation")
	got, err := c.Website.GetMessagesInConversation(t.Context(), websiteID, msgSessionID, &crisp.GetMessagesOptions{TimestampBefore: 1700483019000})
	require.NoError(t, err)
	want := exampleData[[]api.ConversationMessage](t, srv, "getMessagesInConversation")
	require.NotEmpty(t, want)
	require.Equal(t, want, got.Messages)
	require.False(t, got.More, "200 means no older messages remain")
	require.Equal(t, int64(1700482315000), got.Oldest())
	req := requireSent(t, srv, "getMessagesInConversation", "GET", "website", websiteID, "conversation", msgSessionID, "messages")
	require.Equal(t, "1700483019000", req.Query.Get("timestamp_before"))
	require.False(t, req.Query.Has("timestamp_after"))
	require.False(t, req.Query.Has("timestamp_around"))

	// Without options: no query at all.
	_, err = c.Website.GetMessagesInConversation(t.Context(), websiteID, sessionID, nil)
	require.NoError(t, err)
	require.Empty(t, lastRequest(t, srv, "getMessagesInConversation").Query)

	_, err = c.Website.GetMessagesInConversation(t.Context(), websiteID, sessionID, &crisp.GetMessagesOptions{TimestampAfter: 1, TimestampAround: 1641206011000})
	require.NoError(t, err)
	req = lastRequest(t, srv, "getMessagesInConversation")
	require.Equal(t, "1", req.Query.Get("timestamp_after"))
	require.Equal(t, "1641206011000", req.Query.Get("timestamp_around"))
}

func TestGetMessagesInConversationPartial(t *testing.T) {
	srv, c := setupFor(t, "getMessagesInConversation")
	partial := messagesResponseExample(t, "getMessagesInConversation", 206)
	srv.Handle("getMessagesInConversation", func(*crisptest.Call) (int, any) { return 206, partial })
	got, err := c.Website.GetMessagesInConversation(t.Context(), websiteID, sessionID, nil)
	require.NoError(t, err)
	require.True(t, got.More, "206 means older messages remain")
	require.Equal(t, messagesOf(t, partial), got.Messages)
	require.Equal(t, int64(1700483019000), got.Oldest())
}

func TestGetMessagesInConversationRejectsBadInput(t *testing.T) {
	srv, c := setupFor(t, "getMessagesInConversation")
	_, err := c.Website.GetMessagesInConversation(t.Context(), websiteID, sessionID, &crisp.GetMessagesOptions{TimestampBefore: -1})
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.GetMessagesInConversation(t.Context(), websiteID, "", nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.GetMessagesInConversation(t.Context(), websiteID, "..", nil)
	requireRefused(t, srv, err)
}

func TestGetMessagesInConversationIter(t *testing.T) {
	srv, c := setupFor(t, "getMessagesInConversation")
	newer := messagesOf(t, messagesResponseExample(t, "getMessagesInConversation", 206))
	older := messagesOf(t, messagesResponseExample(t, "getMessagesInConversation", 200))
	var cursors []string
	srv.Handle("getMessagesInConversation", func(r *crisptest.Call) (int, any) {
		before := r.Query.Get("timestamp_before")
		cursors = append(cursors, before)
		switch before {
		case "":
			return 206, messageList(newer)
		case "1700483019000": // the oldest timestamp of newer
			return 200, messageList(older)
		}
		return 400, map[string]any{"error": true, "reason": "invalid_data", "data": map[string]any{}}
	})
	var got []int64
	for m, err := range c.Website.GetMessagesInConversationIter(t.Context(), websiteID, msgSessionID) {
		require.NoError(t, err)
		got = append(got, m.Timestamp)
	}
	require.Equal(t, []string{"", "1700483019000"}, cursors)
	require.Len(t, got, len(newer)+len(older))
	for i := 1; i < len(got); i++ {
		require.Greater(t, got[i-1], got[i], "messages come from the newest to the oldest")
	}
	require.Equal(t, newer[len(newer)-1].Timestamp, got[0])
	require.Equal(t, older[0].Timestamp, got[len(got)-1])
	for _, r := range srv.RequestsFor("getMessagesInConversation") {
		requirePath(t, r, "website", websiteID, "conversation", msgSessionID, "messages")
	}
}

func TestGetMessagesInConversationIterStopsOnRepeatedCursor(t *testing.T) {
	srv, c := setupFor(t, "getMessagesInConversation")
	batch := messagesOf(t, messagesResponseExample(t, "getMessagesInConversation", 206))
	calls := 0
	srv.Handle("getMessagesInConversation", func(*crisptest.Call) (int, any) {
		calls++ // a server that ignores timestamp_before and always says "more"
		return 206, messageList(batch)
	})
	n := 0
	for _, err := range c.Website.GetMessagesInConversationIter(t.Context(), websiteID, sessionID) {
		require.NoError(t, err)
		if n++; n > 10*len(batch) {
			break
		}
	}
	require.Equal(t, len(batch), n, "the repeated batch is not yielded again")
	require.Equal(t, 2, calls)
}

func TestGetMessagesInConversationIterEndsOnEmptyBatch(t *testing.T) {
	srv, c := setupFor(t, "getMessagesInConversation")
	batch := messagesOf(t, messagesResponseExample(t, "getMessagesInConversation", 206))
	srv.Handle("getMessagesInConversation", func(r *crisptest.Call) (int, any) {
		if r.Query.Has("timestamp_before") {
			return 206, messageList(nil)
		}
		return 206, messageList(batch)
	})
	n := 0
	for _, err := range c.Website.GetMessagesInConversationIter(t.Context(), websiteID, sessionID) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, len(batch), n)
	require.Len(t, srv.RequestsFor("getMessagesInConversation"), 2)
}

func TestGetMessagesInConversationIterYieldsErrorAndBreaks(t *testing.T) {
	srv, c := setupFor(t, "getMessagesInConversation")
	batch := messagesOf(t, messagesResponseExample(t, "getMessagesInConversation", 206))
	srv.Handle("getMessagesInConversation", func(r *crisptest.Call) (int, any) {
		if r.Query.Has("timestamp_before") {
			return 404, map[string]any{"error": true, "reason": "session_not_found", "data": map[string]any{}}
		}
		return 206, messageList(batch)
	})
	n, errs := 0, 0
	for _, err := range c.Website.GetMessagesInConversationIter(t.Context(), websiteID, sessionID) {
		if err != nil {
			errs++
			require.ErrorIs(t, err, crisp.ErrNotFound)
			continue
		}
		n++
	}
	require.Equal(t, len(batch), n)
	require.Equal(t, 1, errs)

	// Breaking early sends no further request.
	srv.Reset()
	for range c.Website.GetMessagesInConversationIter(t.Context(), websiteID, sessionID) {
		break
	}
	require.Len(t, srv.RequestsFor("getMessagesInConversation"), 1)
}

func TestSendMessageInConversation(t *testing.T) {
	srv, c := setupFor(t, "sendMessageInConversation")
	body := specRequestExample[api.MessageNew](t, "sendMessageInConversation")
	fp, err := c.Website.SendMessageInConversation(t.Context(), websiteID, msgSessionID, body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.MessageDispatched](t, srv, "sendMessageInConversation").Fingerprint, fp)
	require.Equal(t, int64(163408346341023), fp)
	req := requireSent(t, srv, "sendMessageInConversation", "POST", "website", websiteID, "conversation", msgSessionID, "message")
	requireBody(t, req, string(requestExamples(t)["sendMessageInConversation"]))
}

func TestSendMessageInConversationRejectsBadMessages(t *testing.T) {
	srv, c := setupFor(t, "sendMessageInConversation")
	_, err := c.Website.SendMessageInConversation(t.Context(), websiteID, sessionID, nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	for name, m := range map[string]*api.MessageNew{
		"no content": {Type: api.MessageTypeText, From: api.MessageFromOperator, Origin: "chat"},
		"no type":    {From: api.MessageFromOperator, Origin: "chat", Content: crisp.NewMessageContent("hi")},
		"no from":    {Type: api.MessageTypeText, Origin: "chat", Content: crisp.NewMessageContent("hi")},
		"no origin":  {Type: api.MessageTypeText, From: api.MessageFromOperator, Content: crisp.NewMessageContent("hi")},
	} {
		_, err := c.Website.SendMessageInConversation(t.Context(), websiteID, sessionID, m)
		require.ErrorIs(t, err, crisp.ErrInvalidArgument, name)
	}
	_, err = c.Website.SendTextMessage(t.Context(), websiteID, sessionID, "")
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.SendTextMessage(t.Context(), websiteID, "", "hi")
	requireRefused(t, srv, err)
}

func TestSendTextMessage(t *testing.T) {
	srv, c := setupFor(t, "sendMessageInConversation")
	fp, err := c.Website.SendTextMessage(t.Context(), websiteID, msgSessionID, "Hello \"Jane\" — **welcome**!")
	require.NoError(t, err)
	require.Equal(t, int64(163408346341023), fp)
	req := lastRequest(t, srv, "sendMessageInConversation")
	requirePath(t, req, "website", websiteID, "conversation", msgSessionID, "message")
	requireBody(t, req, `{"type":"text","from":"operator","origin":"chat","content":"Hello \"Jane\" — **welcome**!"}`)
}

func TestSendMessageInConversationBuiltContent(t *testing.T) {
	srv, c := setupFor(t, "sendMessageInConversation")
	required := true
	for _, tc := range []struct {
		msg  *api.MessageNew
		want string
	}{
		{crisp.NewOperatorMessage(api.MessageContentFile{Name: "invoice.pdf", URL: "https://example.com/i.pdf", Type: "application/pdf"}),
			`{"type":"file","from":"operator","origin":"chat","content":{"name":"invoice.pdf","url":"https://example.com/i.pdf","type":"application/pdf"}}`},
		{crisp.NewOperatorMessage(api.MessageContentPicker{ID: "ok", Text: "OK?", Required: &required, Choices: []api.MessageContentPickerChoice{{Value: "y", Label: "Yes"}}}),
			`{"type":"picker","from":"operator","origin":"chat","content":{"id":"ok","text":"OK?","required":true,"choices":[{"value":"y","label":"Yes","selected":false}]}}`},
		{crisp.NewOperatorMessage(api.MessageContentAudio{URL: "https://example.com/a.webm", Type: "audio/webm", Duration: 12}),
			`{"type":"audio","from":"operator","origin":"chat","content":{"url":"https://example.com/a.webm","type":"audio/webm","duration":12}}`},
		{func() *api.MessageNew {
			m := crisp.NewOperatorMessage("internal: refund approved")
			m.Type = api.MessageTypeNote
			m.Mentions = []string{"4cf59545-c6bd-4f33-bb2c-2b7e6fb5b7a7"}
			return m
		}(), `{"type":"note","from":"operator","origin":"chat","content":"internal: refund approved","mentions":["4cf59545-c6bd-4f33-bb2c-2b7e6fb5b7a7"]}`},
	} {
		_, err := c.Website.SendMessageInConversation(t.Context(), websiteID, sessionID, tc.msg)
		require.NoError(t, err)
		requireBody(t, lastRequest(t, srv, "sendMessageInConversation"), tc.want)
	}
}

func TestGetMessageInConversation(t *testing.T) {
	srv, c := setupFor(t, "getMessageInConversation")
	got, err := c.Website.GetMessageInConversation(t.Context(), websiteID, msgSessionID, 524653764345)
	require.NoError(t, err)
	want := exampleData[api.ConversationMessage](t, srv, "getMessageInConversation")
	require.Equal(t, want, *got)
	text, ok := crisp.MessageText(got)
	require.True(t, ok)
	require.Equal(t, "Here is our pricing page.", text)
	requireSent(t, srv, "getMessageInConversation", "GET", "website", websiteID, "conversation", msgSessionID, "message", "524653764345")
}

func TestUpdateMessageInConversation(t *testing.T) {
	srv, c := setupFor(t, "updateMessageInConversation")
	body := specRequestExample[api.MessageUpdate](t, "updateMessageInConversation")
	require.NoError(t, c.Website.UpdateMessageInConversation(t.Context(), websiteID, msgSessionID, 163408346341023, body))
	req := requireSent(t, srv, "updateMessageInConversation", "PATCH", "website", websiteID, "conversation", msgSessionID, "message", "163408346341023")
	requireBody(t, req, string(requestExamples(t)["updateMessageInConversation"]))

	require.NoError(t, c.Website.UpdateMessageInConversation(t.Context(), websiteID, sessionID, 7, &api.MessageUpdate{
		Content: crisp.NewMessageContent(api.MessageContentField{ID: "order", Text: "Order number", Explain: "ORD-…"}),
	}))
	requireBody(t, lastRequest(t, srv, "updateMessageInConversation"), `{"content":{"id":"order","text":"Order number","explain":"ORD-…"}}`)

	srv.Reset()
	require.ErrorIs(t, c.Website.UpdateMessageInConversation(t.Context(), websiteID, sessionID, 7, nil), crisp.ErrInvalidArgument)
	requireRefused(t, srv, c.Website.UpdateMessageInConversation(t.Context(), websiteID, sessionID, 7, &api.MessageUpdate{}))
}

// TestMessageContentOfSpecExamples reads the content of every message of
// the specification's examples.
func TestMessageContentOfSpecExamples(t *testing.T) {
	var msgs []api.ConversationMessage
	msgs = append(msgs, messagesOf(t, messagesResponseExample(t, "getMessagesInConversation", 200))...)
	msgs = append(msgs, messagesOf(t, messagesResponseExample(t, "getMessagesInConversation", 206))...)
	var one struct {
		Data api.ConversationMessage `json:"data"`
	}
	require.NoError(t, json.Unmarshal(messagesResponseExample(t, "getMessageInConversation", 200), &one))
	msgs = append(msgs, one.Data)
	seen := map[api.MessageType]bool{}
	for _, m := range msgs {
		v, err := crisp.MessageContentOf(&m)
		require.NoError(t, err, m.Type)
		seen[m.Type] = true
		text, isText := crisp.MessageText(&m)
		switch m.Type {
		case api.MessageTypeText, api.MessageTypeNote:
			s, ok := v.(string)
			require.True(t, ok, "%s content is a string", m.Type)
			require.NotEmpty(t, s)
			require.True(t, isText)
			require.Equal(t, s, text)
		case api.MessageTypeFile:
			f, ok := v.(api.MessageContentFile)
			require.True(t, ok)
			require.NotEmpty(t, f.URL)
			require.NotEmpty(t, f.Name)
			require.False(t, isText)
			f2, ok := crisp.MessageContentAs[api.MessageContentFile](&m)
			require.True(t, ok)
			require.Equal(t, f, f2)
		case api.MessageTypePicker:
			p, ok := v.(api.MessageContentPicker)
			require.True(t, ok)
			require.NotEmpty(t, p.Choices)
			require.NotEmpty(t, p.ID)
			require.False(t, isText)
			_, ok = crisp.MessageContentAs[string](&m)
			require.False(t, ok, "a picker does not hold a string")
		default:
			t.Fatalf("unexpected type %s in the examples", m.Type)
		}
	}
	for _, typ := range []api.MessageType{api.MessageTypeText, api.MessageTypeNote, api.MessageTypeFile, api.MessageTypePicker} {
		require.True(t, seen[typ], "the examples hold a %s message", typ)
	}
	p, ok := crisp.MessageContentAs[api.MessageContentPicker](&msgs[2])
	require.True(t, ok)
	require.Equal(t, "login-issue", p.ID)
	require.True(t, p.Choices[1].Selected)
	require.Equal(t, "🔑", *p.Choices[1].Icon)
}

// TestMessageContentOfEveryType reads hand-made messages of every type.
func TestMessageContentOfEveryType(t *testing.T) {
	image := "https://example.com/pro.png"
	value := "ORD-48213"
	required := true
	eventText := "Conversation resolved"
	for _, tc := range []struct {
		typ     api.MessageType
		content string
		want    any
	}{
		{api.MessageTypeText, `"Hey there!"`, "Hey there!"},
		{api.MessageTypeNote, `"Private note"`, "Private note"},
		{api.MessageTypeFile, `{"name":"invoice.pdf","url":"https://example.com/invoice.pdf","type":"application/pdf"}`,
			api.MessageContentFile{Name: "invoice.pdf", URL: "https://example.com/invoice.pdf", Type: "application/pdf"}},
		{api.MessageTypeAnimation, `{"url":"https://media.giphy.com/x.gif","type":"image/gif"}`,
			api.MessageContentAnimation{URL: "https://media.giphy.com/x.gif", Type: "image/gif"}},
		{api.MessageTypeAudio, `{"url":"https://example.com/r.webm","type":"audio/webm","duration":12}`,
			api.MessageContentAudio{URL: "https://example.com/r.webm", Type: "audio/webm", Duration: 12}},
		{api.MessageTypePicker, `{"id":"satisfaction","text":"Solved?","choices":[{"value":"yes","label":"Yes","selected":true,"action":{"type":"link","target":"https://example.com"}}],"required":true}`,
			api.MessageContentPicker{ID: "satisfaction", Text: "Solved?", Required: &required, Choices: []api.MessageContentPickerChoice{{
				Value: "yes", Label: "Yes", Selected: true, Action: &api.MessageContentPickerChoiceAction{Type: "link", Target: "https://example.com"},
			}}}},
		{api.MessageTypeField, `{"id":"order-number","text":"Your order number","explain":"Starts with ORD-","value":"ORD-48213","required":true}`,
			api.MessageContentField{ID: "order-number", Text: "Your order number", Explain: "Starts with ORD-", Value: &value, Required: &required}},
		{api.MessageTypeCarousel, `{"text":"Our plans","targets":[{"title":"Pro","description":"For teams","image":"https://example.com/pro.png","actions":[{"label":"See pricing","url":"https://example.com/pricing"}]}]}`,
			api.MessageContentCarousel{Text: "Our plans", Targets: []api.MessageContentCarouselTarget{{
				Title: "Pro", Description: "For teams", Image: &image,
				Actions: []api.MessageContentCarouselTargetAction{{Label: "See pricing", URL: "https://example.com/pricing"}},
			}}}},
		{api.MessageTypeEvent, `{"namespace":"state:resolved","text":"Conversation resolved"}`,
			api.MessageContentEvent{Namespace: "state:resolved", Text: &eventText}},
	} {
		m := handMadeMessage(t, tc.typ, tc.content)
		got, err := crisp.MessageContentOf(&m)
		require.NoError(t, err, tc.typ)
		require.Equal(t, tc.want, got, tc.typ)
		_, isText := crisp.MessageText(&m)
		require.Equal(t, tc.typ == api.MessageTypeText || tc.typ == api.MessageTypeNote, isText, tc.typ)
	}

	a, ok := crisp.MessageContentAs[api.MessageContentAudio](msgPtr(handMadeMessage(t, api.MessageTypeAudio, `{"url":"u","type":"audio/ogg","duration":3}`)))
	require.True(t, ok)
	require.Equal(t, 3, a.Duration)
	_, ok = crisp.MessageContentAs[api.MessageContentFile](msgPtr(handMadeMessage(t, api.MessageTypeAudio, `{"url":"u","type":"audio/ogg","duration":3}`)))
	require.False(t, ok, "an audio message does not hold a file")
}

// TestMessageContentOfTolerant: a content without the fields no source
// says Crisp always sends (an audio without duration, a field without
// explain, an event with nothing but a text) is read, absent fields as
// zero values.
func TestMessageContentOfTolerant(t *testing.T) {
	audio := handMadeMessage(t, api.MessageTypeAudio, `{"url":"https://example.com/a.webm","type":"audio/webm"}`)
	got, err := crisp.MessageContentOf(&audio)
	require.NoError(t, err)
	require.Equal(t, api.MessageContentAudio{URL: "https://example.com/a.webm", Type: "audio/webm"}, got)

	field := handMadeMessage(t, api.MessageTypeField, `{"id":"email","text":"Your email?"}`)
	f, ok := crisp.MessageContentAs[api.MessageContentField](&field)
	require.True(t, ok)
	require.Equal(t, "email", f.ID)
	require.Empty(t, f.Explain)

	event := handMadeMessage(t, api.MessageTypeEvent, `{"text":"Resolved"}`)
	_, err = crisp.MessageContentOf(&event)
	require.NoError(t, err)
}

// TestMessageContentOfMismatch checks that contents that do not match
// their type, and unknown types, are errors.
func TestMessageContentOfMismatch(t *testing.T) {
	for _, tc := range []struct {
		typ     api.MessageType
		content string
	}{
		{api.MessageTypeText, `{"name":"x"}`},
		{api.MessageTypeNote, `null`},
		{api.MessageTypeFile, `"just text"`},
		{api.MessageTypeFile, `{"name":"a.pdf","url":12,"type":"application/pdf"}`},
		{api.MessageTypeAudio, `{"url":"u","type":"audio/ogg","duration":"long"}`},
		{api.MessageTypePicker, `{"id":"p","text":"Pick","choices":"a file"}`},
		{api.MessageTypeCarousel, `[]`},
		{api.MessageTypeEvent, `"state:resolved"`},
	} {
		m := handMadeMessage(t, tc.typ, tc.content)
		_, err := crisp.MessageContentOf(&m)
		require.ErrorIs(t, err, crisp.ErrInvalidMessageContent, "%s %s", tc.typ, tc.content)
		_, ok := crisp.MessageText(&m)
		require.False(t, ok)
	}
	m := handMadeMessage(t, "hologram", `{"x":1}`)
	_, err := crisp.MessageContentOf(&m)
	require.ErrorIs(t, err, crisp.ErrUnknownMessageType)
	require.False(t, errors.Is(err, crisp.ErrInvalidMessageContent))
	raw, err := m.Content.MarshalJSON()
	require.NoError(t, err)
	require.JSONEq(t, `{"x":1}`, string(raw))

	_, err = crisp.MessageContentOf(nil)
	require.ErrorIs(t, err, crisp.ErrInvalidMessageContent)
	_, ok := crisp.MessageText(nil)
	require.False(t, ok)
	// An unset content (the zero api.MessageContent) is no text.
	_, ok = crisp.MessageText(&api.ConversationMessage{Type: api.MessageTypeText})
	require.False(t, ok)
}

// TestNewMessageContentRoundTrip checks that built contents read back.
func TestNewMessageContentRoundTrip(t *testing.T) {
	ev := crisp.NewOperatorMessage(api.MessageContentEvent{Namespace: "state:resolved"})
	require.Equal(t, api.MessageTypeEvent, ev.Type)
	m := api.ConversationMessage{Type: ev.Type, Content: ev.Content}
	got, ok := crisp.MessageContentAs[api.MessageContentEvent](&m)
	require.True(t, ok)
	require.Equal(t, "state:resolved", got.Namespace)

	for typ, msg := range map[api.MessageType]*api.MessageNew{
		api.MessageTypeText:      crisp.NewOperatorMessage("hi"),
		api.MessageTypeAnimation: crisp.NewOperatorMessage(api.MessageContentAnimation{}),
		api.MessageTypeField:     crisp.NewOperatorMessage(api.MessageContentField{}),
		api.MessageTypeCarousel:  crisp.NewOperatorMessage(api.MessageContentCarousel{}),
	} {
		require.Equal(t, typ, msg.Type)
		require.Equal(t, api.MessageFromOperator, msg.From)
		require.Equal(t, "chat", msg.Origin)
	}
}

func handMadeMessage(t *testing.T, typ api.MessageType, content string) api.ConversationMessage {
	t.Helper()
	var m api.ConversationMessage
	raw := `{"session_id":"session_1","website_id":"w","type":"` + string(typ) + `","from":"operator","origin":"chat","content":` + content + `,"fingerprint":1,"timestamp":1}`
	require.NoError(t, json.Unmarshal([]byte(raw), &m))
	return m
}

func msgPtr[T any](v T) *T { return &v }

// TestSendMessageInConversationRefusesContentOfAnotherType checks that a
// content whose shape is not the one of the message type is refused before
// anything is sent, and that a type this client does not know is sent.
func TestSendMessageInConversationRefusesContentOfAnotherType(t *testing.T) {
	srv, c := setupFor(t, "sendMessageInConversation")
	file := crisp.NewMessageContent(api.MessageContentFile{Name: "a.pdf", URL: "https://example.com/a.pdf", Type: "application/pdf"})
	for name, m := range map[string]*api.MessageNew{
		"text holding a file":    {Type: api.MessageTypeText, From: api.MessageFromOperator, Origin: "chat", Content: file},
		"note holding a file":    {Type: api.MessageTypeNote, From: api.MessageFromOperator, Origin: "chat", Content: file},
		"file holding a string":  {Type: api.MessageTypeFile, From: api.MessageFromOperator, Origin: "chat", Content: crisp.NewMessageContent("hi")},
		"audio without duration": {Type: api.MessageTypeAudio, From: api.MessageFromOperator, Origin: "chat", Content: crisp.NewMessageContent(api.MessageContentAnimation{URL: "u", Type: "audio/webm"})},
		"picker holding a file":  {Type: api.MessageTypePicker, From: api.MessageFromOperator, Origin: "chat", Content: file},
	} {
		_, err := c.Website.SendMessageInConversation(t.Context(), websiteID, sessionID, m)
		requireRefused(t, srv, err)
		require.ErrorIs(t, err, crisp.ErrInvalidMessageContent, name)
		require.ErrorContains(t, err, "does not match its Type", name)
	}

	// Crisp may add message types: one this client does not know is sent.
	_, err := c.Website.SendMessageInConversation(t.Context(), websiteID, sessionID,
		&api.MessageNew{Type: "sticker", From: api.MessageFromOperator, Origin: "chat", Content: file})
	require.Error(t, err, "the fake server knows the spec's types only")
	require.ErrorIs(t, err, crisp.ErrInvalidData)
	req, sent := srv.LastRequest("sendMessageInConversation")
	require.True(t, sent)
	requireBody(t, req,
		`{"type":"sticker","from":"operator","origin":"chat","content":{"name":"a.pdf","url":"https://example.com/a.pdf","type":"application/pdf"}}`)
}

// TestMessagesOfUnknownTypeDecode checks that an answer holding a message
// of a type this client does not know (Crisp may add some) decodes, with
// its type and raw content, next to the known ones. The fake server does
// not check its answers here: openapi.yaml lists the types known today.
func TestMessagesOfUnknownTypeDecode(t *testing.T) {
	srv, err := crisptest.NewServer(crisptest.Stateless())
	require.NoError(t, err)
	t.Cleanup(srv.Close)
	c := srv.Client(t)
	srv.Handle("getMessagesInConversation", func(*crisptest.Call) (int, any) {
		return 200, json.RawMessage(`{"error":false,"reason":"resolved","data":[
			{"session_id":"session_1","website_id":"w","type":"sticker","from":"user","origin":"chat","content":{"pack":"cats","id":7},"fingerprint":1,"timestamp":10},
			{"session_id":"session_1","website_id":"w","type":"text","from":"operator","origin":"chat","content":"hi","fingerprint":2,"timestamp":20}]}`)
	})
	page, err := c.Website.GetMessagesInConversation(t.Context(), websiteID, sessionID, nil)
	require.NoError(t, err)
	require.Len(t, page.Messages, 2)
	sticker := page.Messages[0]
	require.Equal(t, api.MessageType("sticker"), sticker.Type)
	require.Equal(t, int64(1), sticker.Fingerprint)
	_, err = crisp.MessageContentOf(&sticker)
	require.ErrorIs(t, err, crisp.ErrUnknownMessageType)
	raw, err := sticker.Content.MarshalJSON()
	require.NoError(t, err)
	require.JSONEq(t, `{"pack":"cats","id":7}`, string(raw))
	text, ok := crisp.MessageText(&page.Messages[1])
	require.True(t, ok)
	require.Equal(t, "hi", text)

	srv.Handle("getMessageInConversation", func(*crisptest.Call) (int, any) {
		return 200, json.RawMessage(`{"error":false,"reason":"resolved","data":{"session_id":"session_1","website_id":"w","type":"sticker","from":"user","origin":"chat","content":"🐱","fingerprint":1,"timestamp":10}}`)
	})
	one, err := c.Website.GetMessageInConversation(t.Context(), websiteID, sessionID, 1)
	require.NoError(t, err)
	require.Equal(t, api.MessageType("sticker"), one.Type)
	_, ok = crisp.MessageText(one)
	require.False(t, ok, "an unknown type holds no text, even a string")
}
