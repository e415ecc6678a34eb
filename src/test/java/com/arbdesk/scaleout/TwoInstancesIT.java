package com.arbdesk.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.nowpayments.IpnTestSigner;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestDatabase;
import com.arbdesk.testing.TestServer;
import com.arbdesk.testing.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two ArbDesk instances on one PostgreSQL schema (issue #14), always on PostgreSQL whatever the suite's database:
 * the exactly-once guarantees must hold without SQLite's single writer, and live events cross instances (NOTIFY in
 * the change's transaction, LISTEN on each instance). Closing each server checks the ledger invariants on the
 * shared schema.
 */
class TwoInstancesIT {
    static final String KEY = "two-instances-key";
    static final String SECRET = "two-instances-ipn-secret";
    static TestDatabase.Schema schema;
    static TestServer a;
    static TestServer b;
    static TestClient admin;

    @BeforeAll
    static void start() {
        schema = TestDatabase.createSchema();
        Map<String, String> settings = new HashMap<>(schema.settings());
        settings.putAll(Map.of("APP_MODE", "demo", "NOWPAYMENTS_API_KEY", KEY, "NOWPAYMENTS_IPN_SECRET", SECRET,
                // only IPNs move the deposits here: B's sandbox does not know A's payments
                "RECONCILE_AFTER_SECONDS", "86400", "NOWPAYMENTS_CREATE_PER_SECOND", "1000",
                // behind one balancer every instance has the same keys: a session opened on A works on B
                "JWT_SECRET", "two-instances-it-jwt-secret-0123456789abcdefghijkl"));
        a = TestServer.start(settings);
        b = TestServer.start(settings);
        admin = a.client().withBearer(a.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        try {
            closeQuietly(b);
            closeQuietly(a);
        } finally {
            schema.drop();
        }
    }

    private static void closeQuietly(TestServer s) {
        if (s != null) {
            s.close();
        }
    }

    /** Rule 2 of the login throttle (5 failures per account and address, the default) counts both instances' failures. */
    @Test
    void loginThrottlingCountsTheFailuresMadeOnBothInstances() {
        String email = "throttled-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        a.client().signup(email, "the right long passphrase");
        String wrong = "{\"email\":\"" + email + "\",\"password\":\"a wrong long passphrase\"}";
        for (TestServer s : List.of(a, a, a, b, b)) {
            assertEquals(401, s.client().postJson("/api/auth/login", wrong).status(), "a wrong password, within the limit");
        }
        TestClient.Res sixth = a.client().postJson("/api/auth/login", wrong);
        assertEquals(429, sixth.status(), "A counted B's two failures with its own three: " + sixth.body());
        assertEquals(429, b.client().postJson("/api/auth/login", wrong).status(), "and B counts A's");
    }

    /** A socket token opens one socket, on whichever instance it is presented first. */
    @Test
    void aSocketTokenUsedOnOneInstanceOpensNothingOnTheOther() {
        TestClient user = a.client();
        user = user.withBearer(user.signup("socket-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                "a long passphrase"));
        String token = user.get("/api/ws-token").json().path("token").asText();
        try (WsClient first = WsClient.connect(ws(a) + "?token=" + token, Map.of())) {
            assertEquals("hello", parse(first.next(Duration.ofSeconds(10))).path("event").asText());
            assertEquals(401, assertThrows(WsClient.HandshakeRefused.class,
                    () -> WsClient.connect(ws(b) + "?token=" + token, Map.of())).status(), "used on A: refused by B");
        }
    }

    @Test
    void duplicateIpnsForAHundredPaymentsSplitAcrossBothInstancesCreditEachOnce() throws Exception {
        List<TestClient> users = new ArrayList<>();
        List<Map<String, Object>> ipns = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            TestClient user = a.client();
            users.add(user.withBearer(user.signup("two-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                    "a long passphrase")));
        }
        for (int i = 0; i < 100; i++) {
            TestClient user = users.get(i % users.size());
            TestClient.Res r = user.postJson("/api/deposits/create",
                    "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"15.00\",\"mode\":\"payment\"}");
            assertEquals(201, r.status(), r.body());
            ipns.add(finishedIpn(r.json()));
        }
        List<String> bodies = new ArrayList<>();
        for (int copy = 0; copy < 20; copy++) {
            for (Map<String, Object> m : ipns) {
                bodies.add(IpnTestSigner.canonicalOf(new TreeMap<>(m)));
            }
        }
        Collections.shuffle(bodies);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int n = 0; n < bodies.size(); n++) {
                TestServer target = n % 2 == 0 ? a : b;
                String body = bodies.get(n);
                results.add(pool.submit(() -> target.client().postJson("/api/nowpayments/ipn", body,
                        Map.of("x-nowpayments-sig", IpnTestSigner.sign(SECRET, body))).status()));
            }
            for (Future<Integer> f : results) {
                assertEquals(200, f.get(), "no 5xx under concurrency on either instance");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(100, a.ledger().count("SELECT COUNT(*) FROM ledger_entries WHERE entry_type = 'deposit_credit'"),
                "exactly one credit per payment");
        assertEquals(100, a.ledger().count("SELECT COUNT(DISTINCT transaction_id) FROM ledger_entries WHERE entry_type = 'deposit_credit'"));
        assertEquals(100, a.ledger().count("SELECT COUNT(*) FROM transactions WHERE type = 'deposit' AND status = 'completed'"));
        for (TestClient user : users) {
            assertEquals("150.00", user.get("/api/me").json().path("balance_usd").asText(), "ten deposits of 15.00 each");
        }
        // the other instance reads the same balances
        TestClient viaB = b.client().withBearer(b.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
        assertEquals(200, viaB.get("/api/me").status());
        assertEquals(1900, a.ledger().count("SELECT COUNT(*) FROM ipn_events WHERE verdict = 'duplicate'"),
                "the other 19 copies of each are recorded as duplicates");
    }

    @Test
    void anIpnAcceptedByOneInstanceReachesASocketOnTheOtherAndAReconnectToTheFirstCatchesUpBySeq() {
        TestClient user = a.client();
        String token = user.signup("live-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "a long passphrase");
        user = user.withBearer(token);
        long userId = user.get("/api/me").json().path("id").asLong();
        TestClient.Res created = user.postJson("/api/deposits/create",
                "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"12.00\",\"mode\":\"payment\"}");
        assertEquals(201, created.status(), created.body());
        long depositId = created.json().path("transaction_id").asLong();
        String body = IpnTestSigner.canonicalOf(new TreeMap<>(finishedIpn(created.json())));
        long lastSeq;
        try (WsClient onB = WsClient.connect(ws(b), Map.of("Cookie", "arbdesk_session=" + token))) {
            JsonNode hello = parse(onB.next(Duration.ofSeconds(10)));
            assertEquals("hello", hello.path("event").asText());
            assertEquals(200, a.client().postJson("/api/nowpayments/ipn", body,
                    Map.of("x-nowpayments-sig", IpnTestSigner.sign(SECRET, body))).status());
            JsonNode e = parse(onB.next(Duration.ofSeconds(10)));
            assertEquals("deposit_updated", e.path("event").asText(), e.toString());
            assertEquals(depositId, e.at("/data/transaction_id").asLong());
            assertEquals("completed", e.at("/data/new_status").asText());
            assertEquals("12.00", e.at("/data/new_balance").asText());
            lastSeq = e.path("seq").asLong();
        }
        // offline: two adjustments made through B
        TestClient adminB = b.client().withBearer(b.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
        for (int i = 1; i <= 2; i++) {
            assertEquals(201, adminB.postJson("/api/admin/users/" + userId + "/adjustments",
                    "{\"amount_usd\":\"" + i + ".00\",\"reason\":\"while offline " + i + "\"}").status());
        }
        try (WsClient onA = WsClient.connect(ws(a), Map.of("Cookie", "arbdesk_session=" + token))) {
            JsonNode hello = parse(onA.next(Duration.ofSeconds(10)));
            assertEquals(lastSeq + 2, hello.path("seq").asLong(), "the other instance knows the latest seq");
            onA.send("{\"type\":\"resume\",\"last_seq\":" + lastSeq + "}");
            // each once, in seq order as the client applies them: B's NOTIFY may deliver one live before the catch-up
            java.util.List<JsonNode> caught = onA.seqs(lastSeq, 2, Duration.ofSeconds(10));
            for (int i = 1; i <= 2; i++) {
                JsonNode e = caught.get(i - 1);
                assertEquals("balance_updated", e.path("event").asText(), e.toString());
                assertEquals(lastSeq + i, e.path("seq").asLong());
                assertEquals(i + ".00", e.at("/data/change").asText());
            }
        }
    }

    private static String ws(TestServer s) {
        return "ws://localhost:" + s.port() + "/ws";
    }

    private static JsonNode parse(String text) {
        try {
            return TestClient.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static Map<String, Object> finishedIpn(JsonNode d) {
        long id = d.path("transaction_id").asLong();
        String userId = admin.get("/api/admin/deposits/" + id).json().path("user_id").asText();
        Map<String, Object> m = new HashMap<>();
        m.put("payment_id", Long.parseLong(d.path("payment_id").asText()));
        m.put("payment_status", "finished");
        m.put("pay_address", d.path("pay_address").asText());
        m.put("price_amount", d.path("price_amount").asText());
        m.put("price_currency", "usd");
        m.put("pay_amount", d.path("pay_amount").asText());
        m.put("actually_paid", d.path("pay_amount").asText());
        m.put("pay_currency", d.path("pay_currency").asText());
        m.put("order_id", "deposit_" + userId + "_" + id);
        m.put("purchase_id", "1");
        return m;
    }
}
