package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.boot.App;
import com.arbdesk.testing.TestClient.Res;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.arbdesk.testing.WsClient;
import com.arbdesk.web.AuthCookies;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Copies of a session token stop working the moment the session is ended, however it is ended. */
class SessionRevocationIT {
    static final String PASSWORD = "a long passphrase";
    static final String JWT_SECRET = "a-known-session-secret-for-forging-tests-0123456789";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("JWT_SECRET", JWT_SECRET));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String newEmail() {
        return "rev-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** GET /api/me as an attacker holding a copy of the token, once as a cookie and once as a bearer token. */
    static void assertCopiesAre(int status, String token, String why) {
        TestClient thief = server.client();
        Res asCookie = thief.send(thief.builder("/api/me").header("Cookie", AuthCookies.SESSION + "=" + token).GET());
        assertEquals(status, asCookie.status(), "copied cookie " + why);
        assertEquals(status, server.client().withBearer(token).get("/api/me").status(), "copied bearer token " + why);
    }

    static Res delete(TestClient c, String path) {
        return c.send(c.builder(path).header("X-CSRF-Token", c.cookie(AuthCookies.XSRF).orElse("")).DELETE());
    }

    @Test
    void aValidlySignedTokenWithoutAnOpenSessionIsRefused() {
        TestClient user = server.client();
        user.signup(newEmail(), PASSWORD);
        long id = user.get("/api/me").json().path("id").asLong();
        JwtService jwt = new JwtService(JWT_SECRET, java.time.Clock.systemUTC());
        java.time.Instant exp = java.time.Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertCopiesAre(401, jwt.issue(id, Role.USER, "no-such-session", exp), "naming a session that does not exist");
        var key = io.jsonwebtoken.security.Keys.hmacShaKeyFor(JWT_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String withoutSid = io.jsonwebtoken.Jwts.builder().issuer("arbdesk").subject(Long.toString(id))
                .expiration(java.util.Date.from(exp)).signWith(key, io.jsonwebtoken.Jwts.SIG.HS256).compact();
        assertCopiesAre(401, withoutSid, "without a session id (issued before sessions existed)");
    }

    @Test
    void logoutEndsTheSessionForEveryCopyOfTheToken() {
        TestClient browser = server.client();
        String token = browser.signup(newEmail(), PASSWORD);
        assertCopiesAre(200, token, "before logout");
        assertEquals(204, browser.postJsonWithCsrf("/api/auth/logout", "").status());
        assertCopiesAre(401, token, "after logout");
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndKeepsThisOne() {
        String email = newEmail();
        TestClient here = server.client();
        String hereToken = here.signup(email, PASSWORD);
        String otherToken = server.client().login(email, PASSWORD);

        Res wrong = here.postJsonWithCsrf("/api/me/password", "{\"current_password\":\"not the password\",\"new_password\":\"a newer passphrase\"}");
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals("current_password", wrong.json().at("/error/field").asText());
        Res common = here.postJsonWithCsrf("/api/me/password", "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"qwertyuiop\"}");
        assertEquals(400, common.status());
        assertEquals("new_password", common.json().at("/error/field").asText());
        assertTrue(common.json().at("/error/message").asText().contains("common"), common.body());
        assertCopiesAre(200, otherToken, "after refused changes");

        Res ok = here.postJsonWithCsrf("/api/me/password", "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"a newer passphrase\"}");
        assertEquals(204, ok.status(), ok.body());
        assertCopiesAre(401, otherToken, "of the other session after the password change");
        assertCopiesAre(200, hereToken, "of the session that changed the password");
        assertEquals(401, server.client().postJson("/api/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").status(), "the old password is gone");
        server.client().login(email, "a newer passphrase");
    }

    @Test
    void logOutEverywhereEndsEverySessionIncludingThisOne() {
        String email = newEmail();
        TestClient here = server.client();
        String hereToken = here.signup(email, PASSWORD);
        String otherToken = server.client().login(email, PASSWORD);
        JsonNode sessions = here.get("/api/me/sessions").json();
        assertEquals(2, sessions.size(), sessions.toString());
        assertEquals(1, sessions.findValues("current").stream().filter(JsonNode::asBoolean).count(), "one is the caller's");
        assertEquals(204, delete(here, "/api/me/sessions").status());
        assertCopiesAre(401, hereToken, "of this session after log out everywhere");
        assertCopiesAre(401, otherToken, "of the other session after log out everywhere");
        assertEquals(0, server.client().withBearer(server.client().login(email, PASSWORD)).get("/api/me/sessions").json()
                .findValues("current").stream().filter(n -> !n.asBoolean()).count(), "only the new login is open");
    }

    @Test
    void disablingAUserEndsTheirSessions() {
        TestClient admin = server.client().withBearer(server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
        TestClient user = server.client();
        String token = user.signup(newEmail(), PASSWORD);
        long id = user.get("/api/me").json().path("id").asLong();
        assertEquals(200, admin.postJson("/api/admin/users/" + id + "/disabled", "{\"disabled\":true}").status());
        assertCopiesAre(401, token, "after the account was disabled");
        assertEquals(200, admin.postJson("/api/admin/users/" + id + "/disabled", "{\"disabled\":false}").status());
        assertCopiesAre(401, token, "after the account was enabled again");
    }

    @Test
    void aSocketTokenOpensOneSocketOnly() {
        TestClient user = server.client();
        user.withBearer(user.signup(newEmail(), PASSWORD));
        String wsToken = user.get("/api/ws-token").json().path("token").asText();
        String url = "ws://localhost:" + server.port() + "/ws?token=" + wsToken;
        try (WsClient first = WsClient.connect(url, Map.of())) {
            assertTrue(first.next(Duration.ofSeconds(5)).contains("\"hello\""));
            assertEquals(401, assertThrows(WsClient.HandshakeRefused.class, () -> WsClient.connect(url, Map.of())).status(),
                    "the second use of the same token");
        }
    }

    @Test
    void aSocketOfAnEndedSessionIsClosedWith4401() {
        TestClient browser = server.client();
        String token = browser.signup(newEmail(), PASSWORD);
        try (WsClient socket = WsClient.connect("ws://localhost:" + server.port() + "/ws",
                Map.of("Cookie", AuthCookies.SESSION + "=" + token))) {
            assertTrue(socket.next(Duration.ofSeconds(5)).contains("\"hello\""));
            assertEquals(204, browser.postJsonWithCsrf("/api/auth/logout", "").status());
            assertEquals(4401, socket.awaitClose(Duration.ofSeconds(5)));
        }
    }
}
