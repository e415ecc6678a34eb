package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.nowpayments.IpnTestSigner;
import com.arbdesk.testing.RawHttp.Answer;
import com.arbdesk.testing.RawHttp;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an attacker tries besides URL variants: Tomcat's own errors, redirects, absurd IPNs, odd input. */
class SecurityProbesIT {
    static final String SECRET = "security-probe-ipn-secret";
    static TestServer server;
    static TestClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("NOWPAYMENTS_IPN_SECRET", SECRET, "NOWPAYMENTS_API_KEY", "probe-key", "APP_MODE", "demo"));
        admin = server.client().withBearer(server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertQuiet(Answer a, boolean json) {
        assertFalse(a.body().contains("Tomcat"), a.body());
        assertFalse(a.body().contains("Exception"), a.body());
        assertFalse(a.body().contains("at org."), a.body());
        assertEquals("nosniff", a.header("X-Content-Type-Options"));
        assertNotNull(a.header("Content-Security-Policy"));
        if (json) {
            assertTrue(a.header("Content-Type").startsWith("application/json"), a.header("Content-Type"));
            assertFalse(readJson(a).path("error").path("code").asText().isEmpty(), a.body());
        } else {
            assertTrue(a.header("Content-Type").startsWith("text/html"), a.header("Content-Type"));
        }
    }

    private static JsonNode readJson(Answer a) {
        try {
            return TestClient.JSON.readTree(a.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + a.body(), e);
        }
    }

    @Test
    void aHeaderTooLargeGetsTheJsonShapeWithoutAStackOrVersion() {
        Answer a = RawHttp.send(server.port(), "GET", "/api/me", Map.of("Authorization", "Bearer " + "a".repeat(10_000)), null);
        assertEquals(400, a.status());
        assertQuiet(a, true);
        Answer page = RawHttp.send(server.port(), "GET", "/dashboard", Map.of("Cookie", "x=" + "a".repeat(10_000)), null);
        assertEquals(400, page.status());
        assertQuiet(page, false);
    }

    @Test
    void badEscapesAndEncodedSlashesGetOurAnswers() {
        Answer api = RawHttp.send(server.port(), "GET", "/api/admin%2fusers", Map.of(), null);
        assertEquals(400, api.status());
        assertQuiet(api, true);
        Answer bad = RawHttp.send(server.port(), "GET", "/%", Map.of(), null);
        assertEquals(400, bad.status());
        assertQuiet(bad, false);
        Answer apiBad = RawHttp.send(server.port(), "GET", "/api/%zz", Map.of(), null);
        assertEquals(400, apiBad.status());
        assertQuiet(apiBad, true);
    }

    @Test
    void containerRefusalsCarryTheHeadersToo() {
        Answer webInf = RawHttp.send(server.port(), "GET", "/WEB-INF/web.xml", Map.of(), null);
        assertEquals(404, webInf.status());
        assertQuiet(webInf, false);
        Answer launcher = RawHttp.send(server.port(), "GET", "/com/arbdesk/boot/WarLauncher.class", Map.of(), null);
        assertEquals(403, launcher.status());
        assertQuiet(launcher, false);
        Answer anonymousDashboard = RawHttp.send(server.port(), "GET", "//dashboard", Map.of(), null);
        assertEquals(400, anonymousDashboard.status(), "was a 500 (NoSuchElementException)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/\t/evil.example/", "/\r/evil.example/", "/\n/evil.example/", "//evil.example/", "/\\evil.example/",
            "\\/evil.example/", "https://evil.example/", "http:evil.example", "/%09/evil.example"})
    void loginNeverRedirectsOffSite(String next) {
        TestClient c = server.client();
        c.get("/login");
        TestClient.Res r = c.postFormWithCsrf("/login", Map.of("email", DemoAccounts.USER_EMAIL, "password", DemoAccounts.USER_PASSWORD,
                "next", next));
        assertEquals(302, r.status());
        assertEquals("/dashboard", r.header("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""), "next=" + next);
    }

    @Test
    void loginFollowsALocalNext() {
        TestClient c = server.client();
        c.get("/login");
        TestClient.Res r = c.postFormWithCsrf("/login", Map.of("email", DemoAccounts.ADMIN_EMAIL, "password", DemoAccounts.ADMIN_PASSWORD,
                "next", "/admin/deposits?status=completed"));
        assertEquals("/admin/deposits?status=completed", r.header("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
    }

    private static TestClient.Res signedIpn(String actuallyPaid) {
        Map<String, Object> m = new HashMap<>();
        m.put("payment_id", 987654321L);
        m.put("payment_status", "finished");
        m.put("price_amount", "50");
        m.put("price_currency", "usd");
        m.put("pay_amount", "50");
        m.put("pay_currency", "usdttrc20");
        m.put("actually_paid", actuallyPaid);
        m.put("order_id", "arbdesk-1");
        String body = IpnTestSigner.canonicalOf(new TreeMap<>(m));
        return server.client().postJson("/api/nowpayments/ipn", body, Map.of("x-nowpayments-sig", IpnTestSigner.sign(SECRET, body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e300", "1e400", "-5", "0.0000000000000000000001"})
    void aSignedIpnWithAnAbsurdAmountIsRefusedAndRecorded(String amount) {
        TestClient.Res r = signedIpn(amount);
        assertEquals(400, r.status(), r.body());
        assertEquals("bad_request", r.errorCode());
        JsonNode log = admin.get("/api/admin/ipn?verdict=malformed").json();
        assertTrue(log.toString().contains(amount.replace("-", "")), "the IPN is in the log as malformed: " + log);
    }

    @Test
    void theDisableToggleNeedsAnExplicitBoolean() {
        long id = admin.get("/api/admin/users?q=demo@").json().get(0).path("id").asLong();
        for (String body : new String[] {"{}", "{\"disabled\":null}"}) {
            TestClient.Res r = admin.postJson("/api/admin/users/" + id + "/disabled", body);
            assertEquals(400, r.status(), body);
            assertEquals("disabled", r.json().path("error").path("field").asText());
        }
        assertEquals(400, admin.postJson("/api/admin/users/" + id + "/disabled", "").status(), "an empty body");
        assertFalse(admin.get("/api/admin/users/" + id).json().path("user").path("disabled").asBoolean());
    }

    @Test
    void controlCharactersAreRefusedInAmountsAndEmails() {
        long id = admin.get("/api/admin/users?q=demo@").json().get(0).path("id").asLong();
        TestClient.Res nul = admin.postJson("/api/admin/users/" + id + "/adjustments",
                "{\"amount_usd\":\"50\\u0000\",\"reason\":\"nul probe\"}");
        assertEquals(400, nul.status(), nul.body());
        assertEquals("amount_usd", nul.json().path("error").path("field").asText());
        TestClient.Res tab = admin.postJson("/api/admin/users/" + id + "/adjustments", "{\"amount_usd\":\"\\t50\",\"reason\":\"tab\"}");
        assertEquals(400, tab.status());
        TestClient.Res email = server.client().postJson("/api/auth/signup",
                "{\"email\":\"nul\\u0000@example.com\",\"password\":\"a long passphrase\"}");
        assertEquals(400, email.status(), email.body());
        assertEquals("email", email.json().path("error").path("field").asText());
    }
}
