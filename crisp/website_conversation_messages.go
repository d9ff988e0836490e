package crisp

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"slices"

	"github.com/crisp-go/crisp-go/api"
)

// GetMessagesOptions bounds the batch of messages GetMessagesInConversation
// returns. Times are Unix milliseconds; zero fields are left out, and the
// zero value (or nil) asks for the newest batch.
type GetMessagesOptions struct {
	// TimestampBefore lists the messages sent before this time; pass the
	// oldest timestamp of a batch (MessagePage.Oldest) to page back.
	TimestampBefore int64
	// TimestampAfter lists the messages sent after this time.
	TimestampAfter int64
	// TimestampAround lists the messages sent around this time, before and
	// after it.
	TimestampAround int64
}

// params builds the generated query parameters.
func (o *GetMessagesOptions) params(op string) (*api.GetMessagesInConversationParams, error) {
	if o == nil {
		return nil, nil
	}
	if o.TimestampBefore < 0 || o.TimestampAfter < 0 || o.TimestampAround < 0 {
		return nil, invalidArg(op, "timestamps must not be negative")
	}
	return &api.GetMessagesInConversationParams{
		TimestampBefore: optInt(o.TimestampBefore),
		TimestampAfter:  optInt(o.TimestampAfter),
		TimestampAround: optInt(o.TimestampAround),
	}, nil
}

// MessagePage is one batch of messages of a conversation.
type MessagePage struct {
	// Messages are the messages of the batch, in the order Crisp sent them.
	Messages []api.ConversationMessage
	// More is true when Crisp answered 206 Partial Content: older messages
	// remain, to ask for with TimestampBefore set to Oldest().
	More bool
}

// Oldest returns the smallest timestamp of the batch (Unix milliseconds),
// or 0 when it is empty.
func (p *MessagePage) Oldest() int64 {
	var oldest int64
	for i, m := range p.Messages {
		if i == 0 || m.Timestamp < oldest {
			oldest = m.Timestamp
		}
	}
	return oldest
}

// GetMessagesInConversation returns a batch of messages of a conversation,
// the newest ones unless opts (which may be nil) bounds them in time; More
// tells whether older messages remain.
//
//crisp:operation getMessagesInConversation
func (s *WebsiteService) GetMessagesInConversation(ctx context.Context, websiteID, sessionID string, opts *GetMessagesOptions) (*MessagePage, error) {
	const op = "getMessagesInConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	params, err := opts.params(op)
	if err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetMessagesInConversation(ctx, websiteID, sessionID, params)
	var msgs []api.ConversationMessage
	status, err := decodeInto(op, resp, err, &msgs)
	if err != nil {
		return nil, err
	}
	return &MessagePage{Messages: msgs, More: status == http.StatusPartialContent}, nil
}

// GetMessagesInConversationIter walks the whole history of a conversation
// back in time and yields its messages from the newest to the oldest (each
// batch is sorted by decreasing timestamp). It asks for the newest batch,
// then for the messages before the oldest timestamp of the previous batch,
// as long as Crisp answers that more remain. It stops when no more remain,
// on an empty batch, when the oldest timestamp stops decreasing (a cursor
// the server ignored: messages not older than the cursor are not yielded
// again), at the first error (yielded once), when ctx ends, or when the
// caller breaks.
func (s *WebsiteService) GetMessagesInConversationIter(ctx context.Context, websiteID, sessionID string) iter.Seq2[api.ConversationMessage, error] {
	return func(yield func(api.ConversationMessage, error) bool) {
		const op = "getMessagesInConversation"
		if ctx == nil {
			yield(api.ConversationMessage{}, errNilContext(op))
			return
		}
		var opts *GetMessagesOptions
		for {
			if err := ctx.Err(); err != nil {
				yield(api.ConversationMessage{}, contextError(op, err))
				return
			}
			page, err := s.GetMessagesInConversation(ctx, websiteID, sessionID, opts)
			if err != nil {
				yield(api.ConversationMessage{}, err)
				return
			}
			batch := page.Messages
			if opts != nil {
				// Only what is older than the cursor is new.
				before := opts.TimestampBefore
				batch = slices.DeleteFunc(batch, func(m api.ConversationMessage) bool { return m.Timestamp >= before })
			}
			slices.SortStableFunc(batch, func(a, b api.ConversationMessage) int {
				switch {
				case a.Timestamp > b.Timestamp:
					return -1
				case a.Timestamp < b.Timestamp:
					return 1
				}
				return 0
			})
			for _, m := range batch {
				if !yield(m, nil) {
					return
				}
			}
			if !page.More || len(batch) == 0 {
				return
			}
			oldest := batch[len(batch)-1].Timestamp
			if oldest <= 0 {
				return
			}
			opts = &GetMessagesOptions{TimestampBefore: oldest}
		}
	}
}

// SendTextMessage sends a text message in a conversation, from an operator
// through the chat origin (as the token's owner), and returns its
// fingerprint. It is SendMessageInConversation with
// NewOperatorMessage(text); use those for a note, another sender or
// another origin.
func (s *WebsiteService) SendTextMessage(ctx context.Context, websiteID, sessionID, text string) (int64, error) {
	if text == "" {
		return 0, invalidArg("sendMessageInConversation", "text must not be empty")
	}
	return s.SendMessageInConversation(ctx, websiteID, sessionID, NewOperatorMessage(text))
}

// messageContentSet reports whether c holds a value (an unset union
// encodes as null, which Crisp refuses).
func messageContentSet(c api.MessageContent) bool {
	raw, err := c.MarshalJSON()
	return err == nil && len(raw) > 0 && string(raw) != "null"
}

// checkContentFitsType refuses a content whose shape is not the one typ
// decides (a text message holding a file, a file message holding a string),
// with an error that also matches ErrInvalidMessageContent. A type this
// client does not know is left for Crisp to judge: Crisp may add some.
func checkContentFitsType(op string, typ api.MessageType, c api.MessageContent) error {
	_, err := decodeMessageContent(typ, c, true)
	if err == nil || errors.Is(err, ErrUnknownMessageType) {
		return nil
	}
	return &Error{Operation: op, Reason: ReasonInvalidArgument, Message: "message Content does not match its Type", Err: err}
}

// SendMessageInConversation sends a message (text, note, file, animation,
// audio, picker, field, carousel or event) in a conversation and returns
// its fingerprint. Build msg with NewOperatorMessage, or set its Content
// with NewMessageContent; Type, From, Origin and Content must be set, and
// the content must have the shape of the type (a string for text and
// note, an api.MessageContent<Kind> for the others, with its required
// fields). A message of a type this client does not know is sent as it
// is.
//
//crisp:operation sendMessageInConversation
func (s *WebsiteService) SendMessageInConversation(ctx context.Context, websiteID, sessionID string, msg *api.MessageNew) (int64, error) {
	const op = "sendMessageInConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return 0, err
	}
	if msg == nil {
		return 0, errNilBody(op)
	}
	switch {
	case msg.Type == "":
		return 0, invalidArg(op, "message Type must be set")
	case msg.From == "":
		return 0, invalidArg(op, "message From must be set")
	case msg.Origin == "":
		return 0, invalidArg(op, "message Origin must be set (for example \"chat\")")
	case !messageContentSet(msg.Content):
		return 0, invalidArg(op, "message Content must be set (see NewMessageContent)")
	}
	if err := checkContentFitsType(op, msg.Type, msg.Content); err != nil {
		return 0, err
	}
	resp, err := s.c.api.SendMessageInConversation(ctx, websiteID, sessionID, *msg)
	out, err := decode[api.MessageDispatched](op, resp, err)
	if err != nil {
		return 0, err
	}
	return out.Fingerprint, nil
}

// UpdateMessageInConversation replaces the content of a message of a
// conversation; the new content (built with NewMessageContent) must match
// the message type.
//
//crisp:operation updateMessageInConversation
func (s *WebsiteService) UpdateMessageInConversation(ctx context.Context, websiteID, sessionID string, fingerprint int64, body *api.MessageUpdate) error {
	const op = "updateMessageInConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	if body == nil {
		return errNilBody(op)
	}
	if !messageContentSet(body.Content) {
		return invalidArg(op, "Content must be set (see NewMessageContent)")
	}
	resp, err := s.c.api.UpdateMessageInConversation(ctx, websiteID, sessionID, fingerprint, *body)
	return done(op, resp, err)
}
