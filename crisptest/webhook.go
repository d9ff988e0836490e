package crisptest

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Webhook is an event as Crisp delivers it to a web hook URL.
type Webhook struct {
	WebsiteID string `json:"website_id"`
	Event     string `json:"event"`
	Data      any    `json:"data"`
	Timestamp int64  `json:"timestamp"`
}

// SignWebhook returns Crisp's signature of a web hook body: the hex
// HMAC-SHA256, keyed by secret, of "[" + timestamp + ";" + body + "]".
// Crisp's Node client checks it over JSON.stringify of the parsed body, so
// encode bodies with MarshalJS for it to accept them.
func SignWebhook(secret, timestamp string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("["))
	mac.Write([]byte(timestamp))
	mac.Write([]byte(";"))
	mac.Write(body)
	mac.Write([]byte("]"))
	return hex.EncodeToString(mac.Sum(nil))
}

// SendWebhook POSTs a signed event to url, as Crisp delivers plugin hooks
// (headers X-Crisp-Request-Timestamp and X-Crisp-Signature; an empty secret
// sends no signature, as website hooks). The body is encoded with
// MarshalJS, as JavaScript writes it, so that both a verifier of the raw
// bytes and Crisp's Node client (which re-serializes the parsed body)
// accept the signature. It returns the status the receiver answered.
func (s *Server) SendWebhook(ctx context.Context, url, secret, event string, data any) (int, error) {
	now := time.Now()
	body, err := MarshalJS(Webhook{WebsiteID: WebsiteID, Event: event, Data: data, Timestamp: now.UnixMilli()})
	if err != nil {
		return 0, fmt.Errorf("crisptest: encode web hook: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	ts := strconv.FormatInt(now.UnixMilli(), 10)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Crisp Web Hooks (crisptest)")
	req.Header.Set("X-Crisp-Hook-Origin", "plugin/rtm crisptest production")
	req.Header.Set("X-Crisp-Request-Timestamp", ts)
	req.Header.Set("X-Delivery-Attempt-Count", "1")
	req.Header.Set("X-Delivery-Attempt-Limit", "3")
	if secret != "" {
		req.Header.Set("X-Crisp-Signature", SignWebhook(secret, ts, body))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, nil
}
