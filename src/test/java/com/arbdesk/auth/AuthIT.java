package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient.Res;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthIT {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signupLogsInSetsAnHttpOnlyCookieAndMeShowsAZeroBalance() {
        TestClient c = server.client();
        Res r = c.postJson("/api/auth/signup", "{\"email\":\"  Carol@Example.COM \",\"password\":\"a long passphrase\"}");
        assertEquals(201, r.status(), r.body());
        assertEquals("carol@example.com", r.json().at("/user/email").asText(), "email is normalised");
        assertEquals("USER", r.json().at("/user/role").asText());
        assertEquals("0.00", r.json().at("/user/balance_usd").asText());
        assertFalse(r.json().path("token").asText().isEmpty());
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("arbdesk_session=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        Res me = c.get("/api/me");
        assertEquals(200, me.status());
        assertEquals("carol@example.com", me.json().path("email").asText());
        assertTrue(me.json().path("balance_usd").isTextual(), "money travels as a string");
    }

    @Test
    void takenEmailIsAConflictWhateverItsCase() {
        server.client().signup("dave@example.com", "a long passphrase");
        Res r = server.client().postJson("/api/auth/signup", "{\"email\":\"DAVE@example.com\",\"password\":\"another passphrase\"}");
        assertEquals(409, r.status());
        assertEquals("email_taken", r.errorCode());
    }

    @Test
    void badSignupInputNamesTheField() {
        TestClient c = server.client();
        Res shortPw = c.postJson("/api/auth/signup", "{\"email\":\"e@example.com\",\"password\":\"short\"}");
        assertEquals(400, shortPw.status());
        assertEquals("password", shortPw.json().at("/error/field").asText());
        Res badEmail = c.postJson("/api/auth/signup", "{\"email\":\"not-an-email\",\"password\":\"a long passphrase\"}");
        assertEquals(400, badEmail.status());
        assertEquals("email", badEmail.json().at("/error/field").asText());
        Res noBody = c.postJson("/api/auth/signup", "");
        assertEquals(400, noBody.status());
    }

    @Test
    void loginWorksWithBearerAndLogoutClearsTheCookie() {
        server.client().signup("erin@example.com", "a long passphrase");
        TestClient c = server.client();
        String token = c.login("ERIN@example.com", "a long passphrase");
        assertEquals(200, server.client().withBearer(token).get("/api/me").status(), "the token works as a bearer token");
        Res out = c.postJsonWithCsrf("/api/auth/logout", "");
        assertEquals(204, out.status());
        assertEquals(401, c.get("/api/me").status(), "the session cookie is gone after logout");
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        server.client().signup("frank@example.com", "a long passphrase");
        Res wrong = server.client().postJson("/api/auth/login", "{\"email\":\"frank@example.com\",\"password\":\"wrong passphrase\"}");
        Res unknown = server.client().postJson("/api/auth/login", "{\"email\":\"nobody@example.com\",\"password\":\"wrong passphrase\"}");
        assertEquals(401, wrong.status());
        assertEquals(wrong.status(), unknown.status());
        // the same answer but for the request id every error body carries (different per request by design)
        String id = "\"request_id\":\"[^\"]*\"";
        assertEquals(wrong.body().replaceAll(id, ""), unknown.body().replaceAll(id, ""));
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottledWithRetryAfter() {
        server.client().signup("grace@example.com", "a long passphrase");
        String bad = "{\"email\":\"grace@example.com\",\"password\":\"not her passphrase\"}";
        LoginThrottle.Settings limits = LoginThrottle.Settings.defaults();
        for (int i = 0; i < limits.perAccountAndAddress(); i++) {
            assertEquals(401, server.client().postJson("/api/auth/login", bad).status());
        }
        Res blocked = server.client().postJson("/api/auth/login", "{\"email\":\"grace@example.com\",\"password\":\"a long passphrase\"}");
        assertEquals(429, blocked.status(), "from the address that failed, even the right password waits");
        assertEquals("too_many_requests", blocked.errorCode());
        long retry = Long.parseLong(blocked.header("Retry-After").orElseThrow());
        assertTrue(retry > 0 && retry <= limits.window().toSeconds(), "Retry-After " + retry);
    }

    @Test
    void signupAndLoginPagesWorkWithoutJavaScript() {
        TestClient c = server.client();
        assertEquals(200, c.get("/signup").status());
        Res mismatch = c.postFormWithCsrf("/signup", Map.of("email", "heidi@example.com", "password", "a long passphrase",
                "confirm", "different passphrase"));
        assertEquals(400, mismatch.status());
        assertTrue(mismatch.body().contains("do not match"));
        assertTrue(mismatch.body().contains("value=\"heidi@example.com\""), "the email typed is kept");
        Res ok = c.postFormWithCsrf("/signup", Map.of("email", "heidi@example.com", "password", "a long passphrase",
                "confirm", "a long passphrase"));
        assertEquals(302, ok.status());
        assertTrue(ok.header("Location").orElseThrow().endsWith("/dashboard?welcome=1"));
        Res dash = c.get("/dashboard");
        assertEquals(200, dash.status());
        assertTrue(dash.body().contains("heidi@example.com"));

        TestClient other = server.client();
        other.get("/login");
        Res badLogin = other.postFormWithCsrf("/login", Map.of("email", "heidi@example.com", "password", "nope nope nope"));
        assertEquals(401, badLogin.status());
        assertTrue(badLogin.body().contains("Email or password is incorrect"));
        Res goodLogin = other.postFormWithCsrf("/login", Map.of("email", "heidi@example.com", "password", "a long passphrase",
                "next", "//evil.example.com/"));
        assertEquals(302, goodLogin.status());
        assertTrue(goodLogin.header("Location").orElseThrow().endsWith("/dashboard"), "no open redirect");
    }

    @Test
    void pagesEscapeUserInput() {
        TestClient c = server.client();
        c.get("/login");
        Res r = c.postFormWithCsrf("/login", Map.of("email", "<script>alert(1)</script>@x.io", "password", "whatever whatever"));
        assertFalse(r.body().contains("<script>alert(1)</script>"));
        assertTrue(r.body().contains("&lt;script&gt;"));
    }
}
