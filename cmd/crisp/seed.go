package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/crisp-go/crisp-go/crisptest"
)

// seedData is the content of a --seed file.
type seedData struct {
	WebsiteID     string             `json:"website_id"`
	Conversations []seedConversation `json:"conversations"`
	People        []json.RawMessage  `json:"people"`
}

// seedConversation is one conversation of a --seed file.
type seedConversation struct {
	// Meta is the body of updateConversationMetas.
	Meta json.RawMessage `json:"meta"`
	// State is the state to change the conversation to.
	State string `json:"state"`
	// Messages are bodies of sendMessageInConversation.
	Messages []json.RawMessage `json:"messages"`
}

// seedFile loads the conversations and people of a --seed file into the
// fake, through its REST API, and returns a summary of what it loaded.
func seedFile(ctx context.Context, rest *crisptest.Server, path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("--seed: %w", err)
	}
	var seed seedData
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&seed); err != nil {
		return "", usageErrorf("--seed %s: %v (expected {\"website_id\", \"conversations\": [{\"meta\", \"state\", \"messages\"}], \"people\": [...]})", path, err)
	}
	client, err := rest.NewClient()
	if err != nil {
		return "", err
	}
	website := cmp.Or(seed.WebsiteID, crisptest.WebsiteID)
	s, err := loadSpec()
	if err != nil {
		return "", err
	}
	call := func(opID string, values map[string]any, body []byte) (*apiAnswer, error) {
		return invoke(ctx, client, apiRequest{op: s.byID[opID], values: values, body: body})
	}
	messages := 0
	for i, c := range seed.Conversations {
		where := fmt.Sprintf("--seed %s: conversations[%d]", path, i)
		ans, err := call("createNewConversation", map[string]any{"website_id": website}, nil)
		if err != nil {
			return "", seedError(where, err)
		}
		var created struct {
			SessionID string `json:"session_id"`
		}
		if err := json.Unmarshal(ans.Data, &created); err != nil || created.SessionID == "" {
			return "", fmt.Errorf("%s: createNewConversation answered no session_id", where)
		}
		ids := map[string]any{"website_id": website, "session_id": created.SessionID}
		if len(c.Meta) > 0 {
			if _, err := call("updateConversationMetas", ids, c.Meta); err != nil {
				return "", seedError(where+".meta", err)
			}
		}
		for j, m := range c.Messages {
			if _, err := call("sendMessageInConversation", ids, m); err != nil {
				return "", seedError(fmt.Sprintf("%s.messages[%d]", where, j), err)
			}
			messages++
		}
		if c.State != "" {
			body, _ := json.Marshal(map[string]string{"state": c.State})
			if _, err := call("changeConversationState", ids, body); err != nil {
				return "", seedError(where+".state", err)
			}
		}
	}
	for i, p := range seed.People {
		if _, err := call("addNewPeopleProfile", map[string]any{"website_id": website}, p); err != nil {
			return "", seedError(fmt.Sprintf("--seed %s: people[%d]", path, i), err)
		}
	}
	return fmt.Sprintf("%d conversation(s), %d message(s) and %d people profile(s)", len(seed.Conversations), messages, len(seed.People)), nil
}

// seedError is the error of one item of a seed file, with the message of
// the call's *crisp.Error without its "crisp: " prefix.
func seedError(where string, err error) error {
	return fmt.Errorf("%s: %s", where, strings.TrimPrefix(err.Error(), "crisp: "))
}
