package com.arbdesk.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.JwtService;
import com.arbdesk.auth.RateLimiter;
import com.arbdesk.auth.Role;
import com.arbdesk.testing.TestClock;
import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WsTokensTest {
    private static final String SECRET = "a-websocket-secret-of-at-least-32-bytes!";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    static WsTokens tokens(String secret, Clock clock) {
        return new WsTokens(secret, new RateLimiter(1000, Duration.ofMinutes(1), 1000, clock), clock);
    }

    @Test
    void aFreshTokenOpensASocketAndAnExpiredOneDoesNot() {
        WsTokens tokens = tokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
        String t = tokens.issue(7, "127.0.0.1");
        String unused = tokens.issue(7, "127.0.0.1");
        assertEquals(Optional.of(7L), tokens.verify(t));
        WsTokens later = tokens(SECRET, Clock.fixed(NOW.plus(WsTokens.TTL).plusSeconds(90), ZoneOffset.UTC));
        assertTrue(later.verify(unused).isEmpty());
    }

    @Test
    void aTokenOpensOneSocketOnly() {
        TestClock clock = new TestClock(NOW);
        WsTokens tokens = tokens(SECRET, clock);
        String t = tokens.issue(7, "127.0.0.1");
        String other = tokens.issue(7, "127.0.0.1");
        assertEquals(Optional.of(7L), tokens.verify(t));
        assertTrue(tokens.verify(t).isEmpty(), "the second use is refused");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(tokens.verify(t).isEmpty(), "and stays refused while the token is valid");
        assertEquals(Optional.of(7L), tokens.verify(other), "another token of the same user is its own");
    }

    @Test
    void theMemoryOfUsedTokensIsBoundedAndFailsClosed() {
        TestClock clock = new TestClock(NOW);
        WsTokens.InMemory used = new WsTokens.InMemory(10, clock);
        WsTokens tokens = new WsTokens(SECRET, new RateLimiter(1000, Duration.ofMinutes(1), 1000, clock), used, clock);
        for (int i = 0; i < 10; i++) {
            assertTrue(tokens.verify(tokens.issue(i, "127.0.0.1")).isPresent());
        }
        String fresh = tokens.issue(99, "127.0.0.1");
        assertTrue(tokens.verify(fresh).isEmpty(), "full of unexpired used tokens: refuse rather than forget one");
        assertEquals(10, used.size());
        clock.advance(WsTokens.TTL.plusSeconds(1));
        String later = tokens.issue(100, "127.0.0.1");
        assertEquals(Optional.of(100L), tokens.verify(later));
        assertEquals(1, used.size(), "the expired entries were dropped");
    }

    @Test
    void issuingIsLimitedPerAddress() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        WsTokens tokens = new WsTokens(SECRET, new RateLimiter(3, Duration.ofMinutes(1), 1000, clock), clock);
        for (int i = 0; i < 3; i++) {
            tokens.issue(7, "10.0.0.1");
        }
        Failure e = assertThrows(Failure.class, () -> tokens.issue(7, "10.0.0.1"));
        assertEquals(FailureCode.TOO_MANY_REQUESTS, e.code());
        assertEquals(20L, e.retryAfterSeconds());
        tokens.issue(7, "10.0.0.2");
    }

    @Test
    void otherSecretsAndSessionTokensAreRefused() {
        WsTokens tokens = tokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(tokens("another-websocket-secret-of-32-bytes-x", Clock.fixed(NOW, ZoneOffset.UTC))
                .verify(tokens.issue(7, "127.0.0.1")).isEmpty());
        String session = new JwtService(SECRET, Clock.fixed(NOW, ZoneOffset.UTC)).issue(7, Role.USER, "sid-1", NOW.plusSeconds(60));
        assertTrue(tokens.verify(session).isEmpty(), "a session token is not a WebSocket token (issuer differs)");
        assertTrue(tokens.verify("garbage").isEmpty());
    }
}
