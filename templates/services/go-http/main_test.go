package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func status(t *testing.T, method, url string) int {
	t.Helper()
	request, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		t.Fatal(err)
	}
	response.Body.Close()
	return response.StatusCode
}

func TestRoutes(t *testing.T) {
	var ready atomic.Bool
	server := httptest.NewServer(newHandler(&ready, "/api"))
	defer server.Close()

	cases := []struct {
		method, path string
		want         int
	}{
		{http.MethodGet, "/healthz", http.StatusOK},
		{http.MethodGet, "/readyz", http.StatusServiceUnavailable},
		{http.MethodGet, "/api", http.StatusOK},
		{http.MethodGet, "/api/", http.StatusOK},
		{http.MethodGet, "/elsewhere", http.StatusNotFound},
		{http.MethodPost, "/healthz", http.StatusMethodNotAllowed},
	}
	for _, c := range cases {
		if got := status(t, c.method, server.URL+c.path); got != c.want {
			t.Errorf("%s %s = %d, want %d", c.method, c.path, got, c.want)
		}
	}

	ready.Store(true)
	if got := status(t, http.MethodGet, server.URL+"/readyz"); got != http.StatusOK {
		t.Errorf("GET /readyz when ready = %d, want 200", got)
	}
}

func TestCheckHealth(t *testing.T) {
	var ready atomic.Bool
	server := httptest.NewServer(newHandler(&ready, ""))
	defer server.Close()
	port := server.URL[strings.LastIndex(server.URL, ":")+1:]

	if code := checkHealth(port, "/healthz"); code != 0 {
		t.Errorf("checkHealth(/healthz) = %d, want 0", code)
	}
	if code := checkHealth(port, "/readyz"); code != 1 {
		t.Errorf("checkHealth(/readyz) while not ready = %d, want 1", code)
	}
}
