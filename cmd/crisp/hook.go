package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/webhook"
)

// hookOrigin is the X-Crisp-Hook-Origin of the web hooks the tool sends
// (Crisp sends "plugin/rtm <plugin id> production").
const hookOrigin = "plugin/rtm crisp-cli development"

// forwardTimeout bounds one delivery to the local endpoint.
const forwardTimeout = 30 * time.Second

// hookKeys are the keys of a web hook body, in the order Crisp writes
// them.
var hookKeys = []string{"website_id", "event", "data", "timestamp"}

// hookBody encodes a web hook body as Crisp does: an object with
// website_id, event, data and timestamp (Unix ms), written as JavaScript
// writes JSON (JSON.stringify), the keys of data in the order they came.
// Data that JavaScript would read as other values (an integer above 2^53
// that is not a double) is kept as it came.
func hookBody(websiteID, event string, data json.RawMessage, timestamp int64) ([]byte, error) {
	if len(data) == 0 {
		data = json.RawMessage("null")
	}
	js, err := crisptest.MarshalJS(data)
	if err != nil {
		var compact bytes.Buffer
		if cerr := json.Compact(&compact, data); cerr != nil {
			return nil, fmt.Errorf("the event data is not JSON: %w", cerr)
		}
		js = compact.Bytes()
	}
	return encodeObject(hookKeys, map[string]any{
		"website_id": websiteID,
		"event":      event,
		"data":       json.RawMessage(js),
		"timestamp":  timestamp,
	})
}

// encodeObject writes the object m with the keys of order first, in that
// order, then its other keys sorted. The values are encoded as
// JavaScript writes them (crisptest.MarshalJS), except json.RawMessage
// values, which are written as they are.
func encodeObject(order []string, m map[string]any) ([]byte, error) {
	keys := []string{}
	for _, k := range order {
		if _, ok := m[k]; ok {
			keys = append(keys, k)
		}
	}
	var rest []string
	for k := range m {
		if !slices.Contains(order, k) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	keys = append(keys, rest...)
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, err := crisptest.MarshalJS(k)
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		var vb []byte
		if raw, ok := m[k].(json.RawMessage); ok {
			vb = raw
		} else if vb, err = crisptest.MarshalJS(m[k]); err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// newSecret returns a random web hook signing secret.
func newSecret() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b) // never fails (crypto/rand panics if the OS cannot provide randomness)
	return hex.EncodeToString(b)
}

// hookSecret returns the signing secret: the flag, else $CRISP_HOOK_SECRET.
func hookSecret(flag string) string {
	if flag != "" {
		return flag
	}
	return os.Getenv("CRISP_HOOK_SECRET")
}

// checkHookURL checks a --forward-to or --to URL.
func checkHookURL(flag, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usageErrorf("%s %q is not an absolute http(s) URL (such as http://localhost:3000/hooks)", flag, raw)
	}
	return nil
}

// deliverer POSTs web hooks to a local endpoint as Crisp does.
type deliverer struct {
	url    string
	secret string
	client *http.Client
}

func newDeliverer(url, secret string) *deliverer {
	return &deliverer{url: url, secret: secret, client: &http.Client{
		Timeout: forwardTimeout,
		// Crisp does not follow redirects of web hook URLs (inference:
		// nothing documents it); the 3xx is the answer.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// delivery is the result of one POST.
type delivery struct {
	Status  int
	Latency time.Duration
}

// deliver POSTs body, signed at now when the deliverer has a secret
// (headers X-Crisp-Request-Timestamp and X-Crisp-Signature), with Crisp's
// other headers.
func (d *deliverer) deliver(ctx context.Context, body []byte, now time.Time) (delivery, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.url, bytes.NewReader(body))
	if err != nil {
		return delivery{}, err
	}
	ts := strconv.FormatInt(now.UnixMilli(), 10)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Crisp Web Hooks ("+userAgent+")")
	req.Header.Set(webhook.HeaderOrigin, hookOrigin)
	req.Header.Set(webhook.HeaderTimestamp, ts)
	req.Header.Set(webhook.HeaderAttemptCount, "1")
	req.Header.Set(webhook.HeaderAttemptLimit, "1")
	if d.secret != "" {
		req.Header.Set(webhook.HeaderSignature, webhook.Sign(d.secret, ts, body))
	}
	start := time.Now()
	resp, err := d.client.Do(req)
	if err != nil {
		return delivery{}, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	return delivery{Status: resp.StatusCode, Latency: time.Since(start)}, nil
}

// statusText is "200 OK".
func statusText(code int) string {
	return strconv.Itoa(code) + " " + http.StatusText(code)
}
