package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JwtServiceTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final JwtService jwt = new JwtService(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private String issue(long userId, Role role) {
        return jwt.issue(userId, role, "session-1", NOW.plus(JwtService.SESSION_TTL));
    }

    @Test
    void issuedTokenVerifiesToItsUserAndSession() {
        assertEquals(Optional.of(new JwtService.SessionClaims(42, "session-1", NOW.plus(JwtService.SESSION_TTL))),
                jwt.verify(issue(42, Role.USER)));
    }

    @Test
    void tokenWithoutASessionIdIsRejected() {
        var key = Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8));
        String old = Jwts.builder().issuer("arbdesk").subject("42").expiration(Date.from(NOW.plusSeconds(3600)))
                .signWith(key, Jwts.SIG.HS256).compact();
        assertTrue(jwt.verify(old).isEmpty(), "a token from before sessions existed");
        String blank = Jwts.builder().issuer("arbdesk").subject("42").claim("sid", " ").expiration(Date.from(NOW.plusSeconds(3600)))
                .signWith(key, Jwts.SIG.HS256).compact();
        assertTrue(jwt.verify(blank).isEmpty());
    }

    @Test
    void expiredTokenIsRejected() {
        String token = issue(42, Role.USER);
        JwtService later = new JwtService(SECRET, Clock.fixed(NOW.plus(JwtService.SESSION_TTL).plusSeconds(120), ZoneOffset.UTC));
        assertTrue(later.verify(token).isEmpty());
    }

    @Test
    void aRememberedTokenStillExpires() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        JwtService service = new JwtService(SECRET, moving);
        String token = service.issue(42, Role.USER, "session-1", NOW.plusSeconds(60));
        assertTrue(service.verify(token).isPresent());
        assertTrue(service.verify(token).isPresent(), "the second check takes the shortcut");
        now[0] = NOW.plusSeconds(61);
        assertTrue(service.verify(token).isEmpty(), "expiry is checked on every call, remembered or not");
        assertTrue(service.verify(token + "x").isEmpty());
    }

    @Test
    void tamperedPayloadIsRejected() {
        String[] parts = issue(42, Role.USER).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"42\"", "\"1\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertTrue(jwt.verify(forged).isEmpty());
    }

    @Test
    void otherSecretIsRejected() {
        JwtService other = new JwtService("another-secret-that-is-long-enough-for-hs256", Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(jwt.verify(other.issue(42, Role.ADMIN, "s", NOW.plusSeconds(60))).isEmpty());
    }

    @Test
    void algNoneIsRejected() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String body = b64("{\"iss\":\"arbdesk\",\"sub\":\"1\",\"role\":\"ADMIN\",\"sid\":\"s\",\"exp\":" + (NOW.getEpochSecond() + 3600) + "}");
        assertTrue(jwt.verify(header + "." + body + ".").isEmpty());
        assertTrue(jwt.verify(header + "." + body).isEmpty());
    }

    @Test
    void otherHmacAlgorithmWithTheSameKeyIsRejected() {
        String hs512 = Jwts.builder().issuer("arbdesk").subject("1").claim("sid", "s").expiration(Date.from(NOW.plusSeconds(3600)))
                .signWith(Keys.hmacShaKeyFor((SECRET + SECRET).getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS512).compact();
        assertTrue(jwt.verify(hs512).isEmpty());
    }

    @Test
    void tokenWithoutExpiryOrIssuerIsRejected() {
        var key = Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8));
        String noExp = Jwts.builder().issuer("arbdesk").subject("1").claim("sid", "s").signWith(key, Jwts.SIG.HS256).compact();
        String noIss = Jwts.builder().subject("1").claim("sid", "s").expiration(Date.from(NOW.plusSeconds(60))).signWith(key, Jwts.SIG.HS256).compact();
        assertTrue(jwt.verify(noExp).isEmpty());
        assertTrue(jwt.verify(noIss).isEmpty());
    }

    @Test
    void garbageIsRejected() {
        assertTrue(jwt.verify(null).isEmpty());
        assertTrue(jwt.verify("").isEmpty());
        assertTrue(jwt.verify("a.b.c").isEmpty());
        assertTrue(jwt.verify("x".repeat(5000)).isEmpty());
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
