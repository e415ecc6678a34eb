package com.arbdesk.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.arbdesk.testing.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The /ws endpoint: who may connect, who receives what, and catching up after a reconnect. */
class WebSocketIT {
    static final String KEY = "ws-test-key";
    static final ObjectMapper JSON = new ObjectMapper();
    static TestServer server;
    static TestClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("APP_MODE", "demo", "NOWPAYMENTS_API_KEY", KEY, "SANDBOX_STEP_MILLIS", "30",
                "WS_ALLOWED_ORIGINS", "https://partner.example.com"));
        admin = server.client().withBearer(server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String ws() {
        return "ws://localhost:" + server.port() + "/ws";
    }

    static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new AssertionError(s, e);
        }
    }

    /** A signed-up user with a session token. */
    record User(long id, String email, String token, TestClient api) {
        WsClient connect() {
            return WsClient.connect(ws(), Map.of("Cookie", "arbdesk_session=" + token));
        }
    }

    static User newUser() {
        TestClient c = server.client();
        String email = "ws-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String token = c.signup(email, "a long passphrase");
        c.withBearer(token);
        return new User(c.get("/api/me").json().path("id").asLong(), email, token, c);
    }

    @Test
    void handshakesWithoutAValidTokenOrFromAnotherSiteAreRefused() {
        assertEquals(401, assertThrows(WsClient.HandshakeRefused.class, () -> WsClient.connect(ws(), Map.of())).status());
        assertEquals(401, assertThrows(WsClient.HandshakeRefused.class,
                () -> WsClient.connect(ws() + "?token=not.a.token", Map.of())).status());
        User u = newUser();
        String tampered = u.token().substring(0, u.token().length() - 3) + "abc";
        assertEquals(401, assertThrows(WsClient.HandshakeRefused.class,
                () -> WsClient.connect(ws(), Map.of("Cookie", "arbdesk_session=" + tampered))).status());
        assertEquals(403, assertThrows(WsClient.HandshakeRefused.class,
                () -> WsClient.connect(ws(), Map.of("Cookie", "arbdesk_session=" + u.token(), "Origin", "https://evil.example.com"))).status());
        try (WsClient listed = WsClient.connect(ws(), Map.of("Cookie", "arbdesk_session=" + u.token(), "Origin",
                "https://partner.example.com"))) {
            assertEquals("hello", parse(listed.next(Duration.ofSeconds(5))).path("event").asText(), "an allow-listed origin");
        }
        String wsToken = u.api().get("/api/ws-token").json().path("token").asText();
        try (WsClient ok = WsClient.connect(ws() + "?token=" + wsToken, Map.of())) {
            JsonNode hello = parse(ok.next(Duration.ofSeconds(5)));
            assertEquals("hello", hello.path("event").asText());
            assertEquals(u.id(), hello.at("/data/user_id").asLong());
        }
    }

    @Test
    void socketsUseSmallBuffersControlMessagesFitAndABiggerMessageClosesWith1009() {
        User u = newUser();
        try (WsClient s = u.connect()) {
            assertEquals("hello", parse(s.next(Duration.ofSeconds(5))).path("event").asText());
            s.send("{\"type\":\"ping\"}");
            assertEquals("pong", parse(s.next(Duration.ofSeconds(5))).path("event").asText(), "a control message fits the 1 KiB buffer");
            s.send(WsClient.paddedPing(1024));
            assertEquals("pong", parse(s.next(Duration.ofSeconds(5))).path("event").asText(),
                    "1,024 characters, the text buffer's size (web.xml), are still read and answered");
        }
        try (WsClient s = u.connect()) {
            assertEquals("hello", parse(s.next(Duration.ofSeconds(5))).path("event").asText());
            s.send(WsClient.paddedPing(1025));
            assertEquals(1009, s.awaitClose(Duration.ofSeconds(5)), "the buffer is 1 KiB (web.xml), not Tomcat's 8 KiB default");
        }
    }

    @Test
    void eachUserReceivesOnlyTheirOwnEventsAndTheAdminReceivesAll() {
        int users = 20;
        int depositsEach = 5;
        List<User> people = new ArrayList<>();
        List<WsClient> sockets = new ArrayList<>();
        WsClient adminSocket = WsClient.connect(ws(), Map.of("Cookie", "arbdesk_session=" + server.client().login(DemoAccounts.ADMIN_EMAIL,
                DemoAccounts.ADMIN_PASSWORD)));
        try {
            parse(adminSocket.next(Duration.ofSeconds(5)));
            for (int i = 0; i < users; i++) {
                User u = newUser();
                people.add(u);
                WsClient s = u.connect();
                assertEquals("hello", parse(s.next(Duration.ofSeconds(5))).path("event").asText());
                sockets.add(s);
            }
            List<Set<Long>> owned = new ArrayList<>();
            for (User u : people) {
                Set<Long> ids = new HashSet<>();
                for (int d = 0; d < depositsEach; d++) {
                    JsonNode dep = u.api().postJson("/api/deposits/create",
                            "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"10.00\"}").json();
                    ids.add(dep.path("transaction_id").asLong());
                    server.client().postJson("/sandbox/nowpayments/control/payments/" + dep.path("payment_id").asText() + "/pay", "{}");
                }
                owned.add(ids);
            }
            // IPNs may overtake each other (a late "confirming" after "finished" is ignored), so a deposit
            // yields two or three events; read until every deposit has completed, checking each event's owner
            int total = 0;
            for (int i = 0; i < users; i++) {
                Set<Long> completed = new HashSet<>();
                while (!completed.equals(owned.get(i))) {
                    JsonNode e = parse(sockets.get(i).next(Duration.ofSeconds(20)));
                    assertEquals("deposit_updated", e.path("event").asText());
                    long txId = e.at("/data/transaction_id").asLong();
                    assertTrue(owned.get(i).contains(txId), "user " + i + " received someone else's deposit " + txId);
                    if (e.at("/data/new_status").asText().equals("completed")) {
                        completed.add(txId);
                    }
                    total++;
                }
            }
            assertTrue(total >= users * depositsEach * 2, "created and completed at least: " + total);
            Set<Long> all = new HashSet<>();
            owned.forEach(all::addAll);
            Set<Long> completedForAdmin = new HashSet<>();
            while (!completedForAdmin.equals(all)) {
                JsonNode e = parse(adminSocket.next(Duration.ofSeconds(20)));
                assertEquals("admin_deposits_stream", e.path("event").asText());
                assertTrue(e.at("/data/user/email").asText().contains("***@"), "emails are masked");
                long txId = e.at("/data/transaction/transaction_id").asLong();
                assertTrue(all.contains(txId));
                if (e.at("/data/transaction/status").asText().equals("completed")) {
                    completedForAdmin.add(txId);
                }
            }
        } finally {
            sockets.forEach(WsClient::close);
            adminSocket.close();
        }
    }

    @Test
    void aReconnectingClientCatchesUpFromItsLastSeq() {
        User u = newUser();
        long lastSeq;
        try (WsClient first = u.connect()) {
            lastSeq = parse(first.next(Duration.ofSeconds(5))).path("seq").asLong();
        }
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, admin.postJson("/api/admin/users/" + u.id() + "/adjustments",
                    "{\"amount_usd\":\"" + i + ".00\",\"reason\":\"while offline " + i + "\"}").status());
        }
        try (WsClient again = u.connect()) {
            JsonNode hello = parse(again.next(Duration.ofSeconds(5)));
            assertEquals(lastSeq + 3, hello.path("seq").asLong(), "hello carries the latest seq");
            againSend(again, "{\"type\":\"resume\",\"last_seq\":" + lastSeq + "}");
            // each once, in seq order as the client applies them (a live push may overtake the catch-up)
            java.util.List<JsonNode> caught = again.seqs(lastSeq, 3, Duration.ofSeconds(5));
            for (int i = 1; i <= 3; i++) {
                JsonNode e = caught.get(i - 1);
                assertEquals("balance_updated", e.path("event").asText());
                assertEquals(lastSeq + i, e.path("seq").asLong());
                assertEquals(i + ".00", e.at("/data/change").asText());
            }
        }
    }

    @Test
    void disablingAUserClosesTheirSocketsWith4401AndEndsTheirSession() {
        User u = newUser();
        try (WsClient socket = u.connect()) {
            parse(socket.next(Duration.ofSeconds(5)));
            TestClient.Res r = admin.postJson("/api/admin/users/" + u.id() + "/disabled", "{\"disabled\":true}");
            assertEquals(200, r.status(), r.body());
            assertEquals(true, r.json().at("/user/disabled").asBoolean());
            assertEquals(4401, socket.awaitClose(Duration.ofSeconds(5)));
        }
        assertEquals(401, u.api().get("/api/me").status(), "the session token no longer works");
        assertEquals(401, assertThrows(WsClient.HandshakeRefused.class, u::connect).status());
        assertEquals(1, server.ledger().count("SELECT COUNT(*) FROM audit_log WHERE action = 'user_disabled' AND target_id = '"
                + u.id() + "'"));
        admin.postJson("/api/admin/users/" + u.id() + "/disabled", "{\"disabled\":false}");
        assertEquals(401, u.api().get("/api/me").status(), "re-enabling does not reopen the sessions that disabling ended");
        String fresh = server.client().login(u.email(), "a long passphrase");
        assertEquals(200, server.client().withBearer(fresh).get("/api/me").status(), "re-enabled: a new login works");
    }

    private static void againSend(WsClient client, String text) {
        client.send(text);
    }
}
