package com.arbdesk.auth;

import com.arbdesk.core.BuiltAhead;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.SecretKey;

/**
 * Issues and checks the session tokens: HS256 only, issuer, expiry and session id ({@code sid})
 * required. Unsigned ("alg":"none") and other-algorithm tokens are refused by construction. A valid
 * signature is not enough to be logged in: the session the token names must also still be open
 * (see {@link AuthService#authenticate}).
 */
public final class JwtService {
    public static final Duration SESSION_TTL = Duration.ofHours(12);
    private static final String ISSUER = "arbdesk";
    private static final String SESSION_ID = "sid";

    /** Bound on {@link #verified}: past it the memory starts again (it is only a shortcut). */
    static final int MAX_VERIFIED = 20_000;

    private final SecretKey key;
    private final Clock clock;
    private final Supplier<JwtParser> parser;
    /**
     * Tokens already verified, with what they said: the same token string always verifies to the same claims, and
     * the only check that changes with time is expiry, which is re-checked on every hit. Parsing and checking a token
     * was a fifth of a page view's CPU. Only tokens that passed are kept, so a forged one never takes the shortcut.
     */
    private final Map<String, SessionClaims> verified = new ConcurrentHashMap<>();

    public JwtService(String secret, Clock clock) {
        this.key = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
        // immutable and thread-safe: built once instead of per request, beside the rest of start-up (its library's
        // classes took 0.3 s of the start-up thread)
        this.parser = BuiltAhead.start("jwt-parser", () -> Jwts.parser()
                .verifyWith(key)
                .requireIssuer(ISSUER)
                .clock(() -> Date.from(clock.instant()))
                .build());
    }

    /** What a valid token says: whose it is, the session it belongs to and when it ends. */
    public record SessionClaims(long userId, String sessionId, Instant expiresAt) {
    }

    /** A token for the session; JWT times have whole seconds, so {@code expiresAt} should too. */
    public String issue(long userId, Role role, String sessionId, Instant expiresAt) {
        return Jwts.builder()
                .id(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .subject(Long.toString(userId))
                .claim("role", role.name())
                .claim(SESSION_ID, sessionId)
                .issuedAt(Date.from(clock.instant()))
                .expiration(Date.from(expiresAt))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    /** The token's claims, when its signature, algorithm, issuer, expiry and session id all check out. */
    public Optional<SessionClaims> verify(String token) {
        SessionClaims known = token == null ? null : verified.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.expiresAt())) {
                return Optional.of(known);
            }
            verified.remove(token);
            return Optional.empty();
        }
        Optional<SessionClaims> checked = check(token);
        checked.ifPresent(c -> {
            if (verified.size() >= MAX_VERIFIED) {
                verified.clear();
            }
            verified.put(token, c);
        });
        return checked;
    }

    private Optional<SessionClaims> check(String token) {
        return claims(token).flatMap(c -> {
            Object sid = c.get(SESSION_ID);
            if (!(sid instanceof String s) || s.isBlank() || s.length() > 64) {
                return Optional.empty(); // tokens from before sessions existed, or not ours
            }
            return Optional.of(new SessionClaims(Long.parseLong(c.getSubject()), s, c.getExpiration().toInstant()));
        });
    }

    private Optional<Claims> claims(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            Jws<Claims> jws = parser.get().parseSignedClaims(token);
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
