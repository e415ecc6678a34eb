package com.arbdesk.realtime;

import com.arbdesk.auth.RateLimiter;
import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;

/**
 * Short-lived, single-use tokens for WebSocket clients that cannot send the session cookie
 * ({@code /ws?token=}), signed with WS_SECRET. A minute is enough to open the socket; the socket then
 * lives on its own. Each token carries a jti that its first successful check consumes, so a token
 * copied from a URL or a log cannot open a second socket. Issuing is rate-limited per client address.
 */
public final class WsTokens {
    public static final Duration TTL = Duration.ofSeconds(60);
    /**
     * One instance keeps the used jtis in memory until their token expires ({@link InMemory}); several instances on
     * PostgreSQL share them in the database ({@link SharedUsedTokens}), so a token used on one cannot open a socket
     * on another. Past this many unexpired entries the memory check fails closed rather than forget a used token.
     */
    public static final int MAX_USED = 100_000;
    private static final String ISSUER = "arbdesk-ws";

    private final SecretKey key;
    private final RateLimiter perAddress;
    private final Clock clock;
    private final UsedTokens used;

    /** Where used jtis are remembered until their token expires. */
    public interface UsedTokens {
        /** True for the first use of the jti. */
        boolean firstUse(String jti, Instant expiresAt);
    }

    public WsTokens(String secret, RateLimiter perAddress, Clock clock) {
        this(secret, perAddress, new InMemory(MAX_USED, clock), clock);
    }

    public WsTokens(String secret, RateLimiter perAddress, UsedTokens used, Clock clock) {
        this.key = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
        this.perAddress = perAddress;
        this.clock = clock;
        this.used = used;
    }

    /** A token for the user, unless the address asked for too many lately (429 with Retry-After). */
    public String issue(long userId, String clientAddress) {
        perAddress.tryAcquire(clientAddress == null ? "" : clientAddress).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new Failure(FailureCode.TOO_MANY_REQUESTS, "Too many socket tokens requested. Try again in "
                    + seconds + " seconds.", null, seconds);
        });
        Instant now = clock.instant();
        return Jwts.builder().id(UUID.randomUUID().toString()).issuer(ISSUER).subject(Long.toString(userId))
                .issuedAt(Date.from(now)).expiration(Date.from(now.plus(TTL))).signWith(key, Jwts.SIG.HS256).compact();
    }

    /** The user id of a valid token not used before; the check uses it up. */
    public Optional<Long> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 2048) {
            return Optional.empty();
        }
        Claims claims;
        try {
            Jws<Claims> jws = Jwts.parser().verifyWith(key).requireIssuer(ISSUER).clock(() -> Date.from(clock.instant()))
                    .build().parseSignedClaims(token);
            if (!"HS256".equals(jws.getHeader().getAlgorithm()) || jws.getPayload().getExpiration() == null
                    || jws.getPayload().getId() == null) {
                return Optional.empty();
            }
            claims = jws.getPayload();
            Long.parseLong(claims.getSubject());
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return consume(claims.getId(), claims.getExpiration().toInstant())
                ? Optional.of(Long.parseLong(claims.getSubject())) : Optional.empty();
    }

    private boolean consume(String jti, Instant expiresAt) {
        return used.firstUse(jti, expiresAt);
    }

    /** This process's memory of used jtis; an entry lives until the token could no longer verify anyway. */
    public static final class InMemory implements UsedTokens {
        private final Map<String, Instant> used = new ConcurrentHashMap<>();
        private final int maxUsed;
        private final Clock clock;

        public InMemory(int maxUsed, Clock clock) {
            this.maxUsed = maxUsed;
            this.clock = clock;
        }

        @Override
        public boolean firstUse(String jti, Instant expiresAt) {
            if (used.size() >= maxUsed) {
                Instant now = clock.instant();
                used.values().removeIf(exp -> exp.isBefore(now));
                if (used.size() >= maxUsed) {
                    return false;
                }
            }
            return used.putIfAbsent(jti, expiresAt) == null;
        }

        int size() {
            return used.size();
        }
    }
}
