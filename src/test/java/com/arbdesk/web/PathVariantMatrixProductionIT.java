package com.arbdesk.web;

import com.arbdesk.testing.SecondFactors;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same matrix against a production-mode instance, as the attacker measured it: no sandbox (its routes
 * answer 404 to everyone), no demo accounts, the provider unreachable. Ids name no deposit or IPN here,
 * which changes nothing for a refused caller: access is decided before anything is looked up.
 */
class PathVariantMatrixProductionIT extends PathVariantMatrixIT {
    private static final String ADMIN = "root@desk.example.com";
    private static final String ADMIN_PASSWORD = "a long admin passphrase";
    private static final String USER = "trader@desk.example.com";
    private static final String USER_PASSWORD = "a long trader passphrase";
    private SecondFactors.Enrolled adminFactor;

    @Override
    @BeforeAll
    void start() {
        server = TestServer.start(Map.of("APP_MODE", "production", "APP_BASE_URL", "https://desk.example.com",
                "JWT_SECRET", "production-matrix-secret-0123456789-abcdefghij", "NOWPAYMENTS_API_KEY", "matrix-key",
                "NOWPAYMENTS_IPN_SECRET", "matrix-ipn-secret", "NOWPAYMENTS_API_URL", "http://127.0.0.1:" + freePort() + "/v1",
                "ADMIN_EMAIL", ADMIN, "ADMIN_PASSWORD", ADMIN_PASSWORD));
        server.client().signup(USER, USER_PASSWORD);
        login(Who.USER);
        login(Who.ADMIN);
        // production refuses admin actions until the admin has a second factor; later logins take a recovery code
        adminFactor = SecondFactors.enrol(server.client().withBearer(tokens.get(Who.ADMIN)));
        userId = server.client().withBearer(tokens.get(Who.USER)).get("/api/me").json().path("id").asLong();
        depositId = 1;
        ipnId = 1;
    }

    private static int freePort() {
        try {
            return TestServer.freePort(); // nobody listens there: the provider is down
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    void login(Who who) {
        TestClient c = server.client();
        if (who == Who.ADMIN && adminFactor != null) {
            tokens.put(who, adminFactor.loginWithRecoveryCode(c, ADMIN, ADMIN_PASSWORD));
            return;
        }
        tokens.put(who, who == Who.ADMIN ? c.login(ADMIN, ADMIN_PASSWORD) : c.login(USER, USER_PASSWORD));
    }
}
