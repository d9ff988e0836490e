package crisptest

import (
	"sync"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

// TestConcurrentReadsAndWrites has 100 goroutines write and read the same
// state at once; under -race it fails if an answer is encoded while another
// request changes the state.
func TestConcurrentReadsAndWrites(t *testing.T) {
	s := Start(t)
	c := s.Client(t)
	ctx := t.Context()
	shared, err := c.Website.CreateNewConversation(ctx, WebsiteID)
	require.NoError(t, err)

	const workers = 100
	errs := make(chan error, workers*8)
	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() {
			sid, err := c.Website.CreateNewConversation(ctx, WebsiteID)
			if err != nil {
				errs <- err
				return
			}
			for _, target := range []string{sid, shared} {
				if _, err := c.Website.SendTextMessage(ctx, WebsiteID, target, "hello"); err != nil {
					errs <- err
				}
			}
			nick := "visitor"
			if err := c.Website.UpdateConversationMetas(ctx, WebsiteID, shared, &api.ConversationMetaUpdate{Nickname: &nick, Data: map[string]any{"worker": i}}); err != nil {
				errs <- err
			}
			if _, err := c.Website.ListConversations(ctx, WebsiteID, 1, &crisp.ListConversationsOptions{IncludeEmpty: true, PerPage: 50}); err != nil {
				errs <- err
			}
			if _, err := c.Website.GetConversation(ctx, WebsiteID, shared); err != nil {
				errs <- err
			}
			if _, err := c.Website.GetMessagesInConversation(ctx, WebsiteID, shared, nil); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}

	msgs := 0
	for _, err := range c.Website.GetMessagesInConversationIter(ctx, WebsiteID, shared) {
		require.NoError(t, err)
		msgs++
	}
	require.Equal(t, workers, msgs, "every message sent to the shared conversation is kept")
	require.Len(t, s.RequestsFor("sendMessageInConversation"), 2*workers)
}
