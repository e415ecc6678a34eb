package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.TestClient.Res;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input of every kind gets the one JSON error shape from the API and a plain page elsewhere, never a stack trace. */
class ErrorShapeIT {
    static TestServer server;
    static TestClient user;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        user = server.client().withBearer(server.client().login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertShape(Res r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.errorCode(), r.body());
        assertFalse(r.json().at("/error/message").asText().isEmpty());
        assertFalse(r.body().contains("Exception"), r.body());
        assertFalse(r.body().contains("at com."), r.body());
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void malformedJson() {
        assertShape(server.client().postJson("/api/auth/login", "{\"email\":"), 400, "malformed_json");
        assertShape(server.client().postJson("/api/auth/login", "{} trailing"), 400, "malformed_json");
        assertShape(server.client().postJson("/api/auth/login", "[1,2]"), 400, "validation_failed");
    }

    @Test
    void wrongContentType() {
        Res r = server.client().send(server.client().builder("/api/auth/login").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("email=x")));
        assertShape(r, 415, "unsupported_media_type");
    }

    @Test
    void hugeBodiesDeclaredOrStreamed() {
        String big = "{\"email\":\"" + "a".repeat(70_000) + "\"}";
        assertShape(server.client().postJson("/api/auth/login", big), 413, "payload_too_large");
        Res chunked = server.client().send(server.client().builder("/api/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))));
        assertShape(chunked, 413, "payload_too_large");
    }

    @Test
    void unknownRoutesAndMethods() {
        assertShape(user.get("/api/does-not-exist"), 404, "not_found");
        assertShape(user.send(user.builder("/api/me").DELETE()), 405, "method_not_allowed");
        assertShape(user.get("/api/admin/users/not-a-number"), 403, "forbidden");
    }

    @Test
    void pagesGetAReadableErrorPageWithoutInternals() {
        Res r = server.client().get("/no/such/page");
        assertEquals(404, r.status());
        assertTrue(r.body().contains("Page not found"));
        assertFalse(r.body().contains("Apache Tomcat"), "no container error page");
        Res forbidden = server.client().withBearer(server.client().login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD)).get("/admin");
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.body().contains("administrators only"));
    }

    @Test
    void launcherClassesAreNotServed() {
        assertEquals(403, server.client().get("/com/arbdesk/boot/WarLauncher.class").status());
        assertEquals(404, server.client().get("/WEB-INF/web.xml").status());
    }
}
