package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/openapi.json: public, OpenAPI 3, every /api route of the README's API table in it, schemas in snake_case. */
class OpenApiIT {
    static TestServer server;
    static JsonNode doc;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        TestClient.Res r = server.client().get("/api/openapi.json");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"));
        doc = r.json();
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), r.body()); // to read after a run
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void itIsAnOpenApi3DocumentOfTheApi() {
        assertTrue(doc.path("openapi").asText().startsWith("3."), doc.path("openapi").asText());
        assertEquals("/api", doc.path("servers").get(0).path("url").asText());
        assertEquals("ArbDesk API", doc.path("info").path("title").asText());
    }

    @Test
    void everyApiRouteOfTheReadmeIsDescribed() throws IOException {
        List<String> missing = new ArrayList<>();
        for (PathVariantMatrixIT.Route r : PathVariantMatrixIT.readmeRoutes()) {
            if (!r.template().startsWith("/api/")) {
                continue;
            }
            String path = r.template().substring("/api".length());
            JsonNode op = doc.path("paths").path(path).path(r.method().toLowerCase(Locale.ROOT));
            if (op.isMissingNode()) {
                missing.add(r.method() + " " + r.template());
            }
        }
        assertTrue(missing.isEmpty(), "not in /api/openapi.json: " + missing + "\npaths: " + doc.path("paths"));
    }

    @Test
    void schemasUseTheWireNames() {
        JsonNode me = doc.path("components").path("schemas").path("MeResponse").path("properties");
        assertTrue(me.has("balance_usd"), "snake_case like the API: " + me);
        JsonNode login = doc.path("paths").path("/auth/login/totp").path("post");
        assertTrue(login.path("requestBody").path("content").has("application/json"), login.toString());
    }
}
