package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route against every kind of caller: anonymous, user, admin. */
class RoleMatrixIT {
    static TestServer server;
    static String userToken;
    static String adminToken;
    static long userId;

    /** One row: the route and the status each caller gets (a redirect is 302). */
    record Row(String method, String path, int anonymous, int user, int admin) {
    }

    @BeforeAll
    static void start() {
        server = TestServer.start();
        userToken = server.client().login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD);
        adminToken = server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        userId = server.client().withBearer(userToken).get("/api/me").json().path("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteEnforcesItsRole() {
        List<Row> rows = List.of(
                new Row("GET", "/health", 200, 200, 200),
                new Row("GET", "/health/live", 200, 200, 200),
                new Row("GET", "/login", 200, 302, 302),
                new Row("GET", "/signup", 200, 302, 302),
                new Row("GET", "/", 302, 302, 302),
                new Row("GET", "/dashboard", 302, 200, 200),
                new Row("GET", "/admin", 302, 403, 200),
                new Row("GET", "/admin/users/" + userId, 302, 403, 200),
                new Row("GET", "/api/me", 401, 200, 200),
                new Row("GET", "/api/me/sessions", 401, 200, 200),
                new Row("GET", "/api/ws-token", 401, 200, 200),
                new Row("GET", "/account", 302, 200, 200),
                new Row("GET", "/api/transactions", 401, 200, 200),
                new Row("GET", "/api/admin/users", 401, 403, 200),
                new Row("GET", "/api/admin/users/" + userId, 401, 403, 200),
                new Row("GET", "/api/admin/transactions", 401, 403, 200),
                new Row("GET", "/alerts", 302, 200, 200),
                new Row("GET", "/api/alerts/rules", 401, 200, 200),
                new Row("GET", "/api/alerts/deliveries", 401, 200, 200),
                new Row("POST", "/api/admin/users/" + userId + "/adjustments", 401, 403, 201),
                new Row("GET", "/api/no-such-route", 404, 404, 404));
        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            check(failures, row, "anonymous", null, row.anonymous());
            check(failures, row, "user", userToken, row.user());
            check(failures, row, "admin", adminToken, row.admin());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void check(List<String> failures, Row row, String who, String token, int expected) {
        TestClient c = server.client();
        if (token != null) {
            c.withBearer(token);
        }
        TestClient.Res r = row.method().equals("GET") ? c.get(row.path())
                : c.postJson(row.path(), "{\"amount_usd\":\"1.00\",\"reason\":\"role matrix check\"}");
        if (r.status() != expected) {
            failures.add(row.method() + " " + row.path() + " as " + who + ": expected " + expected + ", got " + r.status());
        }
        if (row.path().startsWith("/api/") && r.status() >= 400 && r.json().path("error").path("code").asText().isEmpty()) {
            failures.add(row.path() + " as " + who + ": error without the JSON shape: " + r.body());
        }
    }

    @Test
    void anonymousPageVisitsRedirectToLoginWithTheTarget() {
        TestClient.Res r = server.client().get("/admin");
        assertEquals(302, r.status());
        assertTrue(r.header("Location").orElseThrow().endsWith("/login?next=%2Fadmin"));
    }
}
