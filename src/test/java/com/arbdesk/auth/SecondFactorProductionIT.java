package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.SecondFactors;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two-step login in production mode: the admin from ADMIN_EMAIL is refused every admin action (API 403
 * {@code second_factor_required}, pages a message pointing to the Account page) until enrolled; then
 * logging in takes a code, wrong and reused codes are refused and throttled, recovery codes work once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondFactorProductionIT {
    static final String ADMIN = "root@desk.example.com";
    static final String PASSWORD = "a long admin passphrase";
    TestServer server;
    SecondFactors.Enrolled enrolled;

    @BeforeAll
    void start() throws IOException {
        server = TestServer.start(Map.of("APP_MODE", "production", "APP_BASE_URL", "https://desk.example.com",
                "JWT_SECRET", "second-factor-production-secret-0123456789-abcdef", "NOWPAYMENTS_API_KEY", "k",
                "NOWPAYMENTS_IPN_SECRET", "ipn-secret", "NOWPAYMENTS_API_URL", "http://127.0.0.1:" + TestServer.freePort() + "/v1",
                "ADMIN_EMAIL", ADMIN, "ADMIN_PASSWORD", PASSWORD));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void anAdminWithoutASecondFactorIsRefusedAdminActionsButMayEnrol() {
        TestClient admin = server.client().withBearer(server.client().login(ADMIN, PASSWORD));
        assertEquals(200, admin.get("/api/me").status(), "user routes stay open");
        for (String path : new String[] {"/api/admin/users", "/api/admin/transactions", "/api/admin/reconciler"}) {
            TestClient.Res r = admin.get(path);
            assertEquals(403, r.status(), path);
            assertEquals("second_factor_required", r.errorCode(), path);
        }
        TestClient.Res adjust = admin.postJson("/api/admin/users/1/adjustments", "{\"amount_usd\":\"5.00\",\"reason\":\"x\"}");
        assertEquals(403, adjust.status());
        assertEquals("second_factor_required", adjust.errorCode());

        TestClient.Res page = admin.get("/admin");
        assertEquals(403, page.status());
        assertTrue(page.body().contains("Enrol a second factor first"), page.body());
        assertTrue(page.body().contains("href=\"/account\""), "links the Account page");
        TestClient.Res account = admin.get("/account");
        assertEquals(200, account.status());
        assertTrue(account.body().contains("data-testid=\"second-factor-due\""));

        enrolled = SecondFactors.enrol(admin);
        assertEquals(SecondFactorService.RECOVERY_CODES, enrolled.recoveryCodes().size());
        assertEquals(200, admin.get("/api/admin/users").status(), "open once enrolled, in the same session");
        assertEquals(200, admin.get("/admin").status());
        TestClient.Res status = admin.get("/api/me/second-factor");
        assertTrue(status.json().path("enrolled").asBoolean());
        assertFalse(status.body().contains(enrolled.secret()), "the secret is never returned after enrolment");
        assertFalse(admin.get("/account").body().contains(enrolled.secret()));
        assertEquals(409, admin.postJson("/api/me/second-factor", "{}").status(), "no second enrolment while one is on");
    }

    @Test
    @Order(2)
    void loginNowTakesACodeAndACodeWorksOnce() {
        TestClient c = server.client();
        String challenge = SecondFactors.challenge(c, ADMIN, PASSWORD);
        assertTrue(c.cookie("arbdesk_session").isEmpty(), "no session before the code");
        assertEquals(401, server.client().withBearer(challenge).get("/api/me").status(), "a challenge is not a session token");

        TestClient.Res wrong = SecondFactors.answer(c, challenge, wrongCode(enrolled.code()));
        assertEquals(401, wrong.status());
        assertEquals("invalid_credentials", wrong.errorCode());

        String code = enrolled.freshCode(); // the enrolment used this step's code: a new step's
        TestClient.Res ok = SecondFactors.answer(c, challenge, code);
        assertEquals(200, ok.status(), ok.body());
        String token = ok.json().path("token").asText();
        assertEquals(200, server.client().withBearer(token).get("/api/admin/users").status());

        TestClient.Res again = SecondFactors.answer(server.client(), SecondFactors.challenge(server.client(), ADMIN, PASSWORD), code);
        assertEquals(401, again.status(), "the same code twice: " + again.body());

        TestClient.Res forged = SecondFactors.answer(server.client(), token, enrolled.code());
        assertEquals(401, forged.status(), "a session token is not a challenge");
    }

    @Test
    @Order(3)
    void aRecoveryCodeWorksOnce() {
        String recovery = enrolled.recoveryCodes().pop();
        String token = SecondFactors.login(server.client(), ADMIN, PASSWORD, recovery.toUpperCase(java.util.Locale.ROOT));
        assertEquals(200, server.client().withBearer(token).get("/api/me").status());
        TestClient.Res reused = SecondFactors.answer(server.client(), SecondFactors.challenge(server.client(), ADMIN, PASSWORD), recovery);
        assertEquals(401, reused.status());
        assertEquals(SecondFactorService.RECOVERY_CODES - 1,
                server.client().withBearer(token).get("/api/me/second-factor").json().path("recovery_codes_left").asInt());
    }

    @Test
    @Order(4)
    void wrongCodesAreThrottled() {
        TestClient c = server.client();
        String challenge = SecondFactors.challenge(c, ADMIN, PASSWORD);
        int status = 0;
        int tries = 0;
        while (tries < 10 && status != 429) {
            status = SecondFactors.answer(c, challenge, wrongCode(enrolled.code())).status();
            tries++;
        }
        assertEquals(429, status, "throttled after " + tries + " wrong codes");
        TestClient.Res refused = SecondFactors.answer(c, challenge, enrolled.code());
        assertEquals(429, refused.status(), "even the right code waits out the limit");
        assertTrue(refused.header("Retry-After").isPresent());
    }

    private static String wrongCode(String right) {
        String wrong = String.format("%06d", (Integer.parseInt(right) + 500_000) % 1_000_000);
        assertNotEquals(right, wrong);
        return wrong;
    }
}
