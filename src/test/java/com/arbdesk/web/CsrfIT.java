package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arbdesk.App;
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
        admin.login(App.DEMO_ADMIN_EMAIL, App.DEMO_ADMIN_PASSWORD);
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
        admin.login(App.DEMO_ADMIN_EMAIL, App.DEMO_ADMIN_PASSWORD);
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
        String token = server.client().login(App.DEMO_ADMIN_EMAIL, App.DEMO_ADMIN_PASSWORD);
        assertEquals(201, server.client().withBearer(token)
                .postJson("/api/admin/users/" + demoUserId + "/adjustments", adjustment()).status());
    }

    @Test
    void pageFormsNeedTheHiddenField() {
        TestClient admin = server.client();
        admin.login(App.DEMO_ADMIN_EMAIL, App.DEMO_ADMIN_PASSWORD);
        admin.get("/admin");
        TestClient.Res without = admin.postForm("/admin/users/" + demoUserId + "/adjustments",
                Map.of("amount_usd", "1.00", "reason", "csrf form test"));
        assertEquals(403, without.status());
        TestClient.Res with = admin.postFormWithCsrf("/admin/users/" + demoUserId + "/adjustments",
                Map.of("amount_usd", "1.00", "reason", "csrf form test"));
        assertEquals(302, with.status());
    }
}
