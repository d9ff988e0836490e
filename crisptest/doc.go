// Package crisptest is a fake Crisp REST API V1 server for tests, driven by
// the OpenAPI document of this module.
//
// Every request is validated against openapi.yaml (path, query, headers,
// body, credentials and token tier) and answered the way Crisp answers: a
// request that does not conform gets 400 invalid_data, an unknown route 404
// not_found, wrong credentials 401. Tests can inspect the requests received
// and script errors or delays.
//
//	srv := crisptest.Start(t)             // closed when the test ends
//	client := srv.Client(t)               // a *crisp.Client pointed at it
//	convs, err := client.Website.ListConversations(ctx, crisptest.WebsiteID, 1, nil)
//
// # What is modelled
//
// Websites, conversations, messages and people profiles are kept in memory,
// so writes are visible to later reads. These operations are stateful:
//
//   - websites: createWebsite, checkWebsiteExists (query domain), getWebsite,
//     deleteWebsite;
//   - conversations: listConversations, createNewConversation,
//     checkConversationExists, getConversation, removeConversation,
//     initiateConversationWithExistingSession, getConversationState,
//     changeConversationState, getConversationMetas, updateConversationMetas,
//     getConversationRoutingAssign, assignConversationRouting,
//     getConversationParticipants, saveConversationParticipants,
//     getBlockStatusForConversation, blockIncomingMessagesForConversation,
//     getVerifyStatusForConversation, updateVerifyStatusForConversation,
//     updateConversationOpenState, updateConversationInbox;
//   - messages: getMessagesInConversation, sendMessageInConversation,
//     getMessageInConversation, updateMessageInConversation,
//     removeMessageInConversation, markMessagesReadInConversation,
//     markMessagesDeliveredInConversation, markConversationAsUnread;
//   - people: listPeopleProfiles, addNewPeopleProfile,
//     checkPeopleProfileExists, getPeopleProfile, savePeopleProfile,
//     updatePeopleProfile, removePeopleProfile, addPeopleEvent,
//     listPeopleEvents, getPeopleData, savePeopleData, updatePeopleData,
//     getPeopleSubscriptionStatus, updatePeopleSubscriptionStatus,
//     getPeopleStatistics.
//
// The filters honoured are:
//
//   - listConversations: per_page, include_empty, filter_inbox_id,
//     filter_unread, filter_resolved, filter_not_resolved, filter_assigned
//     (a user ID), filter_unassigned, order_date_created,
//     order_date_updated, and search_query with search_type text (matched
//     against the nickname, email, phone, subject and text messages);
//   - listPeopleProfiles: per_page, search_text (email and person),
//     search_filter (eq, neq, has, contains, has_not on a dotted criterion)
//     and search_operator;
//   - getMessagesInConversation: timestamp_before (40 messages a page, 206
//     while older ones remain).
//
// Every other operation answers its example from the specification, as do
// all operations with the Stateless option.
//
// A query parameter of a stateful operation that the state does not model
// (filter_mention, filter_date_start, order_date_waiting, sort_field,
// timestamp_after, ...: the specification's parameters minus the ones
// above), or a value it does not model (search_type segment or filter), is
// not applied: the answer names it in the X-Crisptest-Unmodelled header and
// Request.Unmodelled records it, so that a test relying on it can tell.
package crisptest
