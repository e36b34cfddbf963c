package main

import "net/http"

const baseURL = "http://billing.internal.example.net/v1"

const key = "sk_live_" + "{{rand:24}}"

func invoices() (*http.Response, error) {
	tok := "{{hex:40}}"
	req, _ := http.NewRequest("GET", baseURL+"/invoices", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	return http.DefaultClient.Do(req)
}
