// Package crisp is a client for the Crisp REST API V1.
//
// Create a client with a token and call the API through its services,
// grouped as the Crisp REST API Reference groups its routes:
//
//	client, err := crisp.New(crisp.WithToken(crisp.TierPlugin, identifier, key))
//	if err != nil {
//		return err
//	}
//	convs, err := client.Website.ListConversations(ctx, websiteID, 1, nil)
//
// Method names are the reference labels as the official clients name them
// (ListConversations, SendMessageInConversation, GetPeopleProfile, ...).
// Every method takes a context.Context first and returns typed data from
// package api (generated from openapi.yaml) with the response envelope
// removed.
//
// # Errors
//
// Every error is a *Error, those of New included: errors.As gives its HTTP
// status, Crisp reason and message, and errors.Is matches ErrNotFound,
// ErrRateLimited, ErrUnauthorized, ErrInvalidData, ErrConflict, ErrServer,
// ErrInvalidArgument and ErrInvalidResponse. Input that cannot be right
// (an empty, "." or ".." path parameter, a nil body, page 0, a nil
// context) is refused before any request. Its text names the operation
// and the path of its route, not the request's path (which may hold an
// e-mail address); Path holds that.
//
// # Retries and timeouts
//
// GET, HEAD, PUT and DELETE are retried on network errors, 429/420 and
// 500/502/503/504 with exponential backoff and jitter (see RetryPolicy);
// POST and PATCH only when asked to. Error.Temporary is true for exactly
// these failures. One deadline, from the context or WithTimeout,
// covers every attempt of a call. (Calls made with context.Background() or
// context.TODO() that start within 1/64 of the timeout share one deadline,
// so that the timeout costs no timer per call; each still gets at least
// its timeout.)
//
// # Transport
//
// Requests go through the client's own http.Transport, or the one given
// to WithTransport, without an http.Client: redirects are not followed. A
// copy of the *http.Client given to WithHTTPClient follows only the
// redirects to the same origin with the same method (see WithHTTPClient).
//
// # Pagination
//
// Paged lists have a method for one page and an ...Iter method returning an
// iter.Seq2 that walks the pages until a short or empty one. A walk that
// would not end (a page equal to the previous one, more than MaxPages
// pages) ends with an *Error whose Reason is ReasonPaginationLoop.
//
// # Testing
//
// Package crisptest is a fake Crisp server that validates every request
// against the specification; its Client method returns a *Client pointed
// at it.
package crisp
