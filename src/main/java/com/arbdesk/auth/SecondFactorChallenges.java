package com.arbdesk.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * The short-lived signed ticket between a login's two steps: it says "this user gave the right
 * password a moment ago" and nothing more. Its issuer differs from the session tokens', so neither can
 * be taken for the other.
 */
public final class SecondFactorChallenges {
    public static final Duration TTL = Duration.ofMinutes(5);
    private static final String ISSUER = "arbdesk-second-factor";

    private final SecretKey key;
    private final Clock clock;

    public SecondFactorChallenges(String secret, Clock clock) {
        this.key = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    public String issue(long userId) {
        return Jwts.builder()
                .id(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .subject(Long.toString(userId))
                .issuedAt(Date.from(clock.instant()))
                .expiration(Date.from(clock.instant().plus(TTL)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    /** The user id the challenge names, while it is valid. */
    public Optional<Long> verify(String challenge) {
        if (challenge == null || challenge.isBlank() || challenge.length() > 2048) {
            return Optional.empty();
        }
        try {
            var jws = Jwts.parser().verifyWith(key).requireIssuer(ISSUER).clock(() -> Date.from(clock.instant())).build()
                    .parseSignedClaims(challenge);
            Claims c = jws.getPayload();
            if (!"HS256".equals(jws.getHeader().getAlgorithm()) || c.getExpiration() == null) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(c.getSubject()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
