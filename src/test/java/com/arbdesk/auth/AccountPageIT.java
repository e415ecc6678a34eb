package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient.Res;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.arbdesk.web.AuthCookies;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Account page without JavaScript: change the password, log out everywhere. */
class AccountPageIT {
    static final String PASSWORD = "a long passphrase";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A browser signed up through the form, with its cookies. */
    static TestClient browser(String email) {
        TestClient c = server.client();
        c.get("/signup");
        Res r = c.postFormWithCsrf("/signup", Map.of("email", email, "password", PASSWORD, "confirm", PASSWORD));
        assertEquals(302, r.status(), r.body());
        return c;
    }

    @Test
    void theAccountPageIsLinkedFromTheHeaderAndNeedsALogin() {
        assertTrue(server.client().get("/account").header("Location").orElseThrow().endsWith("/login?next=%2Faccount"));
        TestClient c = browser("acct-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        assertTrue(c.get("/dashboard").body().contains("/account\""), "the header links to the account page");
        Res page = c.get("/account");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Change password"));
        assertTrue(page.body().contains("this device"));
    }

    @Test
    void changingThePasswordShowsReadableErrorsThenRedirectsWithANotice() {
        String email = "acct-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TestClient c = browser(email);
        String other = server.client().login(email, PASSWORD);
        c.get("/account");
        Res wrong = c.postFormWithCsrf("/account/password", Map.of("current_password", "not it at all",
                "new_password", "a fresher passphrase", "confirm", "a fresher passphrase"));
        assertEquals(400, wrong.status());
        assertTrue(wrong.body().contains("Your current password is not correct"), wrong.body());
        Res common = c.postFormWithCsrf("/account/password", Map.of("current_password", PASSWORD,
                "new_password", "1234567890", "confirm", "1234567890"));
        assertEquals(400, common.status());
        assertTrue(common.body().contains("common passwords"));
        Res mismatch = c.postFormWithCsrf("/account/password", Map.of("current_password", PASSWORD,
                "new_password", "a fresher passphrase", "confirm", "something else"));
        assertEquals(400, mismatch.status());
        assertTrue(mismatch.body().contains("do not match"));

        Res ok = c.postFormWithCsrf("/account/password", Map.of("current_password", PASSWORD,
                "new_password", "a fresher passphrase", "confirm", "a fresher passphrase"));
        assertEquals(302, ok.status());
        assertTrue(ok.header("Location").orElseThrow().endsWith("/account?notice=password_changed"));
        Res after = c.get("/account?notice=password_changed");
        assertEquals(200, after.status(), "this session stays logged in");
        assertTrue(after.body().contains("Your other sessions were logged out"));
        assertEquals(401, server.client().withBearer(other).get("/api/me").status(), "the other session ended");
    }

    @Test
    void logOutEverywhereEndsThisSessionToo() {
        String email = "acct-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TestClient c = browser(email);
        String copy = c.cookie(AuthCookies.SESSION).orElseThrow();
        String other = server.client().login(email, PASSWORD);
        c.get("/account");
        Res r = c.postFormWithCsrf("/account/logout-everywhere", Map.of());
        assertEquals(302, r.status());
        assertTrue(r.header("Location").orElseThrow().endsWith("/login?loggedOut=everywhere"));
        assertFalse(c.get("/account").status() == 200, "logged out here");
        assertEquals(401, server.client().withBearer(copy).get("/api/me").status(), "a copy of this session's cookie");
        assertEquals(401, server.client().withBearer(other).get("/api/me").status(), "the other session");
        assertTrue(c.get("/login?loggedOut=everywhere").body().contains("logged out on every device"));
    }

    @Test
    void theLogoutFormEndsTheSessionOnTheServer() {
        TestClient c = browser("acct-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        String copy = c.cookie(AuthCookies.SESSION).orElseThrow();
        c.get("/dashboard");
        Res out = c.postFormWithCsrf("/logout", Map.of());
        assertEquals(302, out.status());
        assertEquals(401, server.client().withBearer(copy).get("/api/me").status(), "a copy of the cookie after logout");
    }
}
