package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// BatchRemovePeople removes the people profiles selected by people (by
// identifier or by search) from a website, through
// BatchRemoveConversations.
func (s *WebsiteService) BatchRemovePeople(ctx context.Context, websiteID string, people *api.BatchPeopleSelection) error {
	if people == nil {
		return invalidArg("batchRemoveConversations", "people must not be nil")
	}
	return s.BatchRemoveConversations(ctx, websiteID, &api.BatchRemoveOperation{People: people})
}

// BatchUpdatePeopleData updates the custom data of the people profiles
// selected by people (by identifier or by search), through
// BatchUpdateConversationsData.
func (s *WebsiteService) BatchUpdatePeopleData(ctx context.Context, websiteID string, people *api.BatchPeopleSelection, data map[string]any) error {
	if people == nil {
		return invalidArg("batchUpdateConversationsData", "people must not be nil")
	}
	if data == nil {
		return invalidArg("batchUpdateConversationsData", "data must not be nil")
	}
	return s.BatchUpdateConversationsData(ctx, websiteID, &api.BatchDataOperation{People: people, Data: data})
}

// BatchUpdatePeopleSegments sets the segments of the people profiles
// selected by people (by identifier or by search), through
// BatchUpdateConversationsSegments; nil segments are sent as an empty
// list.
func (s *WebsiteService) BatchUpdatePeopleSegments(ctx context.Context, websiteID string, people *api.BatchPeopleSelection, segments []string) error {
	if people == nil {
		return invalidArg("batchUpdateConversationsSegments", "people must not be nil")
	}
	if segments == nil {
		segments = []string{}
	}
	return s.BatchUpdateConversationsSegments(ctx, websiteID, &api.BatchSegmentsOperation{People: people, Segments: segments})
}
