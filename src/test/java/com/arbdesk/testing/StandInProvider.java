package com.arbdesk.testing;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

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

    /** The back office, logged in as the configured admin. */
    public TestClient admin() {
        TestClient c = app.client();
        return c.withBearer(c.login(ADMIN_EMAIL, ADMIN_PASSWORD));
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
