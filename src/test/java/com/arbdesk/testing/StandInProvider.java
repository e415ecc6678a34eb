package com.arbdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * ArbDesk in production mode against a stand-in provider: the built-in NOWPayments sandbox run alone
 * ({@code java -jar arbdesk.war sandbox}) in one process, the app in another, sharing an API key and
 * IPN secret. In production mode the app has no sandbox of its own and no demo shortcuts, so this is
 * the app as a real merchant runs it; the sandbox's control API plays the payer and the provider.
 */
public final class StandInProvider implements AutoCloseable {
    public static final String KEY = "stand-in-provider-key";
    public static final String SECRET = "stand-in-provider-ipn-secret";
    public static final String ADMIN_EMAIL = "ops@arbdesk.example";
    public static final String ADMIN_PASSWORD = "a long admin passphrase";

    private final TestServer sandbox;
    private final TestServer app;
    private String adminToken;

    private StandInProvider(TestServer sandbox, TestServer app) {
        this.sandbox = sandbox;
        this.app = app;
    }

    /** Starts both; {@code sandboxSettings} and {@code appSettings} are added to the defaults of each. */
    public static StandInProvider start(Map<String, String> sandboxSettings, Map<String, String> appSettings) {
        Map<String, String> sb = new HashMap<>(Map.of("NOWPAYMENTS_API_KEY", KEY, "NOWPAYMENTS_IPN_SECRET", SECRET,
                "SANDBOX_STEP_MILLIS", "50", "SANDBOX_IPN_RETRIES", "0"));
        sb.putAll(sandboxSettings);
        TestServer sandbox = TestServer.start(sb, "sandbox");
        try {
            int port = TestServer.freePort();
            Map<String, String> env = new HashMap<>();
            env.put("APP_MODE", "production");
            env.put("PORT", Integer.toString(port));
            env.put("APP_BASE_URL", "http://localhost:" + port);
            env.put("JWT_SECRET", "stand-in-provider-test-jwt-secret-0123456789abcdefghij");
            env.put("NOWPAYMENTS_API_KEY", KEY);
            env.put("NOWPAYMENTS_IPN_SECRET", SECRET);
            env.put("NOWPAYMENTS_API_URL", sandbox.url("/sandbox/nowpayments/v1"));
            env.put("ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("RECONCILE_INTERVAL_SECONDS", "1");
            env.put("RECONCILE_AFTER_SECONDS", "1");
            env.put("RECONCILE_BACKOFF", "1s,2s,3s");
            env.put("RECONCILE_REQUESTS_PER_SECOND", "200");
            env.put("NOWPAYMENTS_CREATE_PER_SECOND", "100");
            env.putAll(appSettings);
            return new StandInProvider(sandbox, TestServer.start(env));
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw new IllegalStateException("the app did not start against the stand-in provider", e);
        }
    }

    public TestServer app() {
        return app;
    }

    public TestServer sandbox() {
        return sandbox;
    }

    /** A payer action on a sandbox payment (pay, lose_ipns, pay_after_expiry, ...). */
    public TestClient.Res act(String paymentId, String action) {
        return sandbox.client().postJson("/sandbox/nowpayments/control/payments/" + paymentId + "/" + action, "{}");
    }

    /** The same, on a deposit's payment, expecting success. */
    public void act(JsonNode deposit, String action) {
        TestClient.Res r = act(deposit.path("payment_id").asText(), action);
        if (r.status() != 200) {
            throw new AssertionError("sandbox " + action + " answered " + r.status() + ": " + r.body());
        }
    }

    /**
     * The back office, logged in as the configured admin. Production mode refuses admin actions until the
     * admin has a second factor: the first call enrols one, and every call shares that first session.
     */
    public synchronized TestClient admin() {
        if (adminToken == null) {
            TestClient c = app.client();
            adminToken = c.login(ADMIN_EMAIL, ADMIN_PASSWORD);
            SecondFactors.enrol(app.client().withBearer(adminToken));
        }
        return app.client().withBearer(adminToken);
    }

    /** A new user of the app, signed up with a bearer token. */
    public TestClient newUser() {
        TestClient u = app.client();
        return u.withBearer(u.signup("payer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "a long passphrase"));
    }

    /** Creates a deposit (payment mode), expecting 201. */
    public static JsonNode create(TestClient user, String currency, String network, String amountUsd) {
        TestClient.Res r = user.postJson("/api/deposits/create", "{\"currency\":\"" + currency + "\",\"network\":\"" + network
                + "\",\"amount_usd\":\"" + amountUsd + "\",\"mode\":\"payment\"}");
        if (r.status() != 201) {
            throw new AssertionError("create answered " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    /** The deposit as stored (the admin view never asks the provider). */
    public JsonNode stored(TestClient admin, JsonNode deposit) {
        return admin.get("/api/admin/deposits/" + deposit.path("transaction_id").asLong()).json().path("deposit");
    }

    /** Waits for the stored deposit to reach a status; returns it (the caller asserts). */
    public JsonNode awaitStored(TestClient admin, JsonNode deposit, String status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode d = stored(admin, deposit);
        while (!d.path("status").asText().equals(status) && System.nanoTime() < deadline) {
            TestServer.sleep(100);
            d = stored(admin, deposit);
        }
        if (!d.path("status").asText().equals(status)) {
            throw new AssertionError("expected " + status + ": " + d);
        }
        return d;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            sandbox.close();
        }
    }
}
