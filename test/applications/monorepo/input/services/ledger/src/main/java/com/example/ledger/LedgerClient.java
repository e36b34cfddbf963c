package com.example.ledger;

import java.net.URI;
import java.net.http.HttpRequest;

public class LedgerClient {
    private static final String apiKey = "{{hex:16}}" +
        "{{hex:16}}";

    HttpRequest charge(String json) {
        return HttpRequest.newBuilder(URI.create("https://api.gateway.accelebit.com/v1/payments"))
            .header("X-API-Key", System.getenv("ACCELEBIT_SECRET_KEY"))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    }
}
