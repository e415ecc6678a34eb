package com.arbdesk.realtime;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Short-lived tokens for WebSocket clients that cannot send the session cookie ({@code /ws?token=}),
 * signed with WS_SECRET. A minute is enough to open the socket; the socket then lives on its own.
 */
public final class WsTokens {
    public static final Duration TTL = Duration.ofSeconds(60);
    private static final String ISSUER = "arbdesk-ws";

    private final SecretKey key;
    private final Clock clock;

    public WsTokens(String secret, Clock clock) {
        this.key = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    public String issue(long userId) {
        Instant now = clock.instant();
        return Jwts.builder().issuer(ISSUER).subject(Long.toString(userId)).issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(TTL))).signWith(key, Jwts.SIG.HS256).compact();
    }

    public Optional<Long> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 2048) {
            return Optional.empty();
        }
        try {
            Jws<Claims> jws = Jwts.parser().verifyWith(key).requireIssuer(ISSUER).clock(() -> Date.from(clock.instant()))
                    .build().parseSignedClaims(token);
            if (!"HS256".equals(jws.getHeader().getAlgorithm()) || jws.getPayload().getExpiration() == null) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(jws.getPayload().getSubject()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
