package com.arbdesk.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.JwtService;
import com.arbdesk.auth.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WsTokensTest {
    private static final String SECRET = "a-websocket-secret-of-at-least-32-bytes!";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aFreshTokenOpensASocketAndAnExpiredOneDoesNot() {
        WsTokens tokens = new WsTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
        String t = tokens.issue(7);
        assertEquals(Optional.of(7L), tokens.verify(t));
        WsTokens later = new WsTokens(SECRET, Clock.fixed(NOW.plus(WsTokens.TTL).plusSeconds(90), ZoneOffset.UTC));
        assertTrue(later.verify(t).isEmpty());
    }

    @Test
    void otherSecretsAndSessionTokensAreRefused() {
        WsTokens tokens = new WsTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(new WsTokens("another-websocket-secret-of-32-bytes-x", Clock.fixed(NOW, ZoneOffset.UTC))
                .verify(tokens.issue(7)).isEmpty());
        String session = new JwtService(SECRET, Clock.fixed(NOW, ZoneOffset.UTC)).issue(7, Role.USER);
        assertTrue(tokens.verify(session).isEmpty(), "a session token is not a WebSocket token (issuer differs)");
        assertTrue(tokens.verify("garbage").isEmpty());
    }
}
