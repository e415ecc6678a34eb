package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.boot.App;
import com.arbdesk.testing.RawHttp;
import com.arbdesk.testing.TestClient.Res;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-address limits set low, and an attacker's failures against the admin from other addresses. */
class AbuseLimitsIT {
    static final String ADMIN_LOGIN = "{\"email\":\"" + DemoAccounts.ADMIN_EMAIL + "\",\"password\":\"" + DemoAccounts.ADMIN_PASSWORD + "\"}";
    static final String ADMIN_GUESS = "{\"email\":\"" + DemoAccounts.ADMIN_EMAIL + "\",\"password\":\"guess guess guess\"}";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("SIGNUPS_PER_ADDRESS_PER_HOUR", "3", "WS_TOKENS_PER_ADDRESS_PER_MINUTE", "2"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signUpIsLimitedPerAddress() {
        for (int i = 0; i < 3; i++) {
            server.client().signup("limit-" + i + "@example.com", "a long passphrase");
        }
        Res r = server.client().postJson("/api/auth/signup", "{\"email\":\"limit-9@example.com\",\"password\":\"a long passphrase\"}");
        assertEquals(429, r.status(), r.body());
        assertEquals("too_many_requests", r.errorCode());
        long retry = Long.parseLong(r.header("Retry-After").orElseThrow());
        assertTrue(retry > 0 && retry <= 20 * 60, "one sign-up frees every 20 minutes: " + retry);
        RawHttp.Answer elsewhere = RawHttp.postJson("127.0.0.5", server.port(), "/api/auth/signup",
                "{\"email\":\"limit-10@example.com\",\"password\":\"a long passphrase\"}");
        assertEquals(201, elsewhere.status(), "another address still signs up");
    }

    @Test
    void socketTokensAreLimitedPerAddress() {
        TestClient u = server.client();
        u.withBearer(u.login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD));
        assertEquals(200, u.get("/api/ws-token").status());
        assertEquals(200, u.get("/api/ws-token").status());
        Res r = u.get("/api/ws-token");
        assertEquals(429, r.status());
        assertEquals("too_many_requests", r.errorCode());
        assertTrue(r.header("Retry-After").isPresent());
    }

    @Test
    void failuresFromOtherAddressesNeverStopTheOwnerWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, RawHttp.postJson("127.0.0.2", server.port(), "/api/auth/login", ADMIN_GUESS).status());
        }
        RawHttp.Answer blocked = RawHttp.postJson("127.0.0.2", server.port(), "/api/auth/login", ADMIN_GUESS);
        assertEquals(429, blocked.status(), "the attacking address is throttled for this account");
        assertTrue(blocked.optionalHeader("Retry-After").isPresent());
        assertEquals(429, RawHttp.postJson("127.0.0.2", server.port(), "/api/auth/login", ADMIN_LOGIN).status(),
                "from the attacking address even the right password waits");
        for (int i = 0; i < 2; i++) {
            assertEquals(401, RawHttp.postJson("127.0.0.3", server.port(), "/api/auth/login", ADMIN_GUESS).status());
        }
        // seven failures pending on the account: the owner waits (rule 3) but is let in, from 127.0.0.1
        long start = System.nanoTime();
        Res owner = server.client().postJson("/api/auth/login", ADMIN_LOGIN);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, owner.status(), owner.body());
        assertTrue(tookMillis >= 1500, "the account's delay applied: " + tookMillis + " ms");
        assertEquals(200, RawHttp.postJson("127.0.0.4", server.port(), "/api/auth/login", ADMIN_LOGIN).status(),
                "and from any other address");
    }
}
