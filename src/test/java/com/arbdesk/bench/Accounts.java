package com.arbdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Users made through the app's own sign-up API, so their sessions and tokens are the real thing. */
public final class Accounts {
    /** A signed-up user and its session token (valid across restarts: same JWT_SECRET, session row in the snapshot). */
    public record Account(long id, String email, String token) {
    }

    static final String PASSWORD = "quiet-otter-meadow-1789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Accounts() {
    }

    public static Account signup(HttpClient client, String baseUrl, String email) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("email", email).put("password", PASSWORD).toString();
        HttpResponse<String> r = client.send(LoadGenerator.request(baseUrl + "/api/auth/signup")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("sign-up of " + email + " answered " + r.statusCode() + ": " + r.body());
        }
        JsonNode n = JSON.readTree(r.body());
        return new Account(n.path("user").path("id").asLong(), email, n.path("token").asText());
    }

    static String cookie(Account a) {
        return "arbdesk_session=" + a.token();
    }

    static String bearer(Account a) {
        return "Bearer " + a.token();
    }
}
