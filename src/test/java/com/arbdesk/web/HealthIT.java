package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestServer;
import org.junit.jupiter.api.Test;

class HealthIT {
    @Test
    void healthReportsStatusVersionAndDatabase() {
        try (TestServer server = TestServer.start()) {
            var r = server.client().get("/health");
            assertEquals(200, r.status());
            assertEquals("ok", r.json().path("status").asText());
            assertTrue(r.json().path("database_ok").asBoolean());
            assertTrue(r.json().path("version").asText().matches("\\d+\\.\\d+\\.\\d+.*"));
            assertEquals("demo", r.json().path("mode").asText());
        }
    }
}
