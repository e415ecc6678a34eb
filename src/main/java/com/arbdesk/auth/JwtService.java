package com.arbdesk.auth;

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
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Issues and checks the session tokens: HS256 only, issuer and expiry required. Unsigned
 * ("alg":"none") and other-algorithm tokens are refused by construction.
 */
public final class JwtService {
    public static final Duration SESSION_TTL = Duration.ofHours(12);
    private static final String ISSUER = "arbdesk";

    private final SecretKey key;
    private final Clock clock;

    public JwtService(String secret, Clock clock) {
        this.key = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    public String issue(long userId, Role role) {
        Instant now = clock.instant();
        return Jwts.builder()
                .id(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .subject(Long.toString(userId))
                .claim("role", role.name())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(SESSION_TTL)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    /** The user id the token names, when its signature, algorithm, issuer and expiry all check out. */
    public Optional<Long> verify(String token) {
        return claims(token).map(c -> Long.parseLong(c.getSubject()));
    }

    /** When a valid token expires. */
    public Optional<Instant> expiry(String token) {
        return claims(token).map(c -> c.getExpiration().toInstant());
    }

    private Optional<Claims> claims(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            Jws<Claims> jws = Jwts.parser()
                    .verifyWith(key)
                    .requireIssuer(ISSUER)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token);
            // allow-list: only HS256, even though the key would also fit other HMAC variants
            if (!"HS256".equals(jws.getHeader().getAlgorithm()) || jws.getPayload().getExpiration() == null) {
                return Optional.empty();
            }
            Long.parseLong(jws.getPayload().getSubject()); // a non-numeric subject is not ours
            return Optional.of(jws.getPayload());
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
