// Package webhook receives Crisp web hooks: Crisp POSTs each event to your
// URL as JSON ({website_id, event, data, timestamp}), and Handler verifies
// the request, decodes it and dispatches it through an events.Router, the
// same router package rtm uses.
//
//	router := events.NewRouter()
//	events.On(router, "message:send", func(ctx context.Context, m api.EventMessageSend, ev *events.Event) error {
//		log.Printf("%s said %v", m.SessionID, m.Content)
//		return nil
//	})
//	http.Handle("/crisp/hooks", webhook.NewHandler(router, webhook.WithSecret(os.Getenv("CRISP_HOOK_SECRET"))))
//
// # Signatures
//
// Plugin hooks (set up in the Crisp Marketplace) are signed: the
// X-Crisp-Signature header is the hex HMAC-SHA256, keyed by the plugin's
// hook secret, of "[" + X-Crisp-Request-Timestamp + ";" + raw body + "]".
// Verify checks it (in constant time) against the raw body as received;
// never re-encode a decoded body to verify it. Website hooks (set up in the
// Crisp dashboard) are not signed: leave WithSecret out and protect the URL
// another way (Crisp suggests a secret ?key= query parameter, checked by a
// wrapping handler, and HTTPS).
//
// # Timestamps
//
// Crisp does not document the unit of X-Crisp-Request-Timestamp (the
// body's timestamp is in milliseconds). This package reads the header as a
// decimal Unix time and decides the unit by magnitude: below 10^11 it is
// seconds (10^11 s is in the year 5138), otherwise milliseconds (10^11 ms
// is in 1973). A timestamp further than the tolerance (default 5 minutes)
// from the local clock, in the past or the future, is rejected as stale;
// this bounds replays of captured requests. The timestamp is checked only
// when a secret is set, since an unsigned timestamp proves nothing.
//
// # Answers
//
// Handler answers:
//
//   - 200 with {"ok":true} once the event was dispatched, including events
//     no handler is registered for (they are ignored) and events whose
//     handler failed or panicked (see below);
//   - 400 when the body is not JSON or lacks "event" or "data";
//   - 401 when a secret is set and the signature is missing or wrong, or the
//     timestamp is missing or stale;
//   - 405 for methods other than POST;
//   - 413 when the body exceeds the size limit (default 1 MiB);
//   - 500 when a handler failed or panicked, with WithRetryOnError only.
//
// Crisp retries failed deliveries, up to the limit in
// X-Delivery-Attempt-Limit (which answers count as failures, and the
// backoff, are not documented; assume anything but 2xx). By default a handler error is reported
// to the error log and still answered 200: a handler that fails on some
// event would fail on every redelivery, and acknowledging keeps Crisp from
// redelivering it again and again. When your handlers fail only
// transiently (a database briefly down), use WithRetryOnError: a handler
// error is then answered 500 and Crisp delivers the event again, so your
// handlers must tolerate duplicates. DeliveryFromContext tells a handler
// which attempt it is running for.
//
// Handlers run before the answer is sent, with the request's context.
// Crisp waits for the answer for a limited (undocumented) time, so
// handlers should be quick: hand long work to a queue or a goroutine
// (with context.WithoutCancel, since the request context ends with the
// request).
//
// # Widget actions
//
// Plugin widget actions use the same signature scheme; VerifyWidget checks
// one.
package webhook
