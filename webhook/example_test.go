package webhook_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"

	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/webhook"
)

// MessageSend is the part of a "message:send" event this example reads.
type MessageSend struct {
	SessionID string `json:"session_id"`
	Content   string `json:"content"`
}

func Example() {
	router := events.NewRouter()
	events.On(router, "message:send", func(ctx context.Context, m MessageSend, ev *events.Event) error {
		fmt.Printf("%s: %s\n", m.SessionID, m.Content)
		return nil
	})

	// In a real server: http.Handle("/crisp/hooks", hooks).
	hooks := webhook.NewHandler(router, webhook.WithSecret("hook-secret"))
	srv := httptest.NewServer(hooks)
	defer srv.Close()

	// Deliver a signed hook, as Crisp does.
	body := `{"website_id":"8c842203-7ed8-4e29-a608-7cf78a7d2fcc","event":"message:send","data":{"session_id":"session_1","content":"Hello!"},"timestamp":1700000000000}`
	ts := strconv.FormatInt(time.Now().UnixMilli(), 10)
	req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(body))
	req.Header.Set(webhook.HeaderTimestamp, ts)
	req.Header.Set(webhook.HeaderSignature, webhook.Sign("hook-secret", ts, []byte(body)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println(resp.Status)
	// Output:
	// session_1: Hello!
	// 200 OK
}

// Verify serves routers other than Handler: pass it the raw body and the
// two headers.
func ExampleVerify() {
	handle := func(w http.ResponseWriter, r *http.Request, body []byte) {
		err := webhook.Verify("hook-secret", r.Header.Get(webhook.HeaderTimestamp), body, r.Header.Get(webhook.HeaderSignature))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		// ... decode body and act on it.
	}
	_ = handle

	body := []byte(`{"event":"message:send","data":{}}`)
	ts := strconv.FormatInt(time.Now().Unix(), 10) // seconds are accepted too
	fmt.Println(webhook.Verify("hook-secret", ts, body, webhook.Sign("hook-secret", ts, body)))
	fmt.Println(webhook.Verify("hook-secret", ts, body, webhook.Sign("another-secret", ts, body)))
	// Output:
	// <nil>
	// webhook: bad signature
}

func ExampleSign() {
	body := []byte(`{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","event":"message:send","data":{},"timestamp":1506985696616}`)
	fmt.Println(webhook.Sign("secret", "1506985696616", body))
	// Output:
	// 8794329764783f69b64df1353d3b41307795caaf7253017d05cdb41a3a51cd13
}
