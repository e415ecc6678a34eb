package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CsrfIT {
    static TestServer server;
    static long demoUserId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        TestClient admin = server.client();
        admin.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        demoUserId = admin.get("/api/admin/users?q=demo@").json().get(0).path("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String adjustment() {
        return "{\"amount_usd\":\"1.00\",\"reason\":\"csrf test credit\"}";
    }

    @Test
    void cookieAuthenticatedApiWriteNeedsTheHeader() {
        TestClient admin = server.client();
        admin.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        TestClient.Res without = admin.postJson("/api/admin/users/" + demoUserId + "/adjustments", adjustment());
        assertEquals(403, without.status());
        assertEquals("csrf_failed", without.errorCode());
        TestClient.Res wrong = admin.postJson("/api/admin/users/" + demoUserId + "/adjustments", adjustment(),
                Map.of("X-CSRF-Token", "0".repeat(32)));
        assertEquals(403, wrong.status());
        admin.get("/dashboard"); // a page visit hands out the XSRF-TOKEN cookie
        assertEquals(201, admin.postJsonWithCsrf("/api/admin/users/" + demoUserId + "/adjustments", adjustment()).status());
    }

    @Test
    void bearerClientsNeedNoCsrfToken() {
        String token = server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        assertEquals(201, server.client().withBearer(token)
                .postJson("/api/admin/users/" + demoUserId + "/adjustments", adjustment()).status());
    }

    @Test
    void pageFormsNeedTheHiddenField() {
        TestClient admin = server.client();
        admin.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        admin.get("/admin");
        TestClient.Res without = admin.postForm("/admin/users/" + demoUserId + "/adjustments",
                Map.of("amount_usd", "1.00", "reason", "csrf form test"));
        assertEquals(403, without.status());
        TestClient.Res with = admin.postFormWithCsrf("/admin/users/" + demoUserId + "/adjustments",
                Map.of("amount_usd", "1.00", "reason", "csrf form test"));
        assertEquals(302, with.status());
    }

    @Test
    void aMadeUpCookieAndHeaderPairIsRefused() {
        TestClient admin = server.client();
        admin.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        String planted = "0123456789abcdef0123456789abcdef";
        admin.setCookie("XSRF-TOKEN", planted);
        TestClient.Res r = admin.postJson("/api/admin/users/" + demoUserId + "/adjustments", adjustment(),
                Map.of("X-CSRF-Token", planted));
        assertEquals(403, r.status(), r.body());
        assertEquals("csrf_failed", r.errorCode());
        TestClient.Res form = admin.postForm("/admin/users/" + demoUserId + "/adjustments",
                Map.of("amount_usd", "1.00", "reason", "planted", "_csrf", planted));
        assertEquals(403, form.status());
    }

    @Test
    void anotherSessionsTokenIsRefused() {
        TestClient first = server.client();
        first.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        first.get("/admin");
        String firstToken = first.cookie("XSRF-TOKEN").orElseThrow();
        TestClient second = server.client();
        second.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        second.setCookie("XSRF-TOKEN", firstToken);
        TestClient.Res r = second.postJson("/api/admin/users/" + demoUserId + "/adjustments", adjustment(),
                Map.of("X-CSRF-Token", firstToken));
        assertEquals(403, r.status(), "a token is bound to the session it was issued for");
    }

    @Test
    void loggingInIssuesATokenForTheNewSession() {
        TestClient admin = server.client();
        admin.get("/login");
        String before = admin.cookie("XSRF-TOKEN").orElseThrow();
        admin.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        String after = admin.cookie("XSRF-TOKEN").orElseThrow();
        assertNotEquals(before, after);
        assertEquals(201, admin.postJsonWithCsrf("/api/admin/users/" + demoUserId + "/adjustments", adjustment()).status());
    }
}
