// Command httpprog makes the call of crispprog with plain net/http and
// encoding/json: the floor of the build figures (scripts/bench-build).
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
)

type conversation struct {
	SessionID string `json:"session_id"`
}

func main() {
	req, err := http.NewRequest(http.MethodGet, "http://127.0.0.1:1/v1/website/"+os.Getenv("CRISP_WEBSITE_ID")+"/conversations/1", nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	req.SetBasicAuth(os.Getenv("CRISP_IDENTIFIER"), os.Getenv("CRISP_KEY"))
	req.Header.Set("X-Crisp-Tier", os.Getenv("CRISP_TIER"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer resp.Body.Close()
	var env struct {
		Error bool           `json:"error"`
		Data  []conversation `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, conv := range env.Data {
		fmt.Println(conv.SessionID)
	}
}
