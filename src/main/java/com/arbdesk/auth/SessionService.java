package com.arbdesk.auth;

import com.arbdesk.core.db.Tx;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Server-side sessions behind the session tokens: opening one at login, checking on each request
 * that the session a token names is still open (through a few seconds' cache), and revoking.
 * Revocations commit first, then evict the cache and tell the socket registry.
 */
public final class SessionService {
    /** Ended sessions are kept this long for nothing but a look at recent history, then deleted. */
    static final Duration KEEP_ENDED = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Tx tx;
    private final SessionDao sessions;
    private final UserDao users;
    private final JwtService jwt;
    private final SessionCache cache;
    private final Consumer<Object> events;
    private final Clock clock;

    public SessionService(Tx tx, SessionDao sessions, UserDao users, JwtService jwt, Consumer<Object> events, Clock clock) {
        this.tx = tx;
        this.sessions = sessions;
        this.users = users;
        this.jwt = jwt;
        this.cache = new SessionCache(clock);
        this.events = events;
        this.clock = clock;
    }

    /** Opens a session for the user inside the caller's transaction and returns its token. */
    String open(Connection c, User user, ClientInfo client) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(JwtService.SESSION_TTL);
        String id = newId();
        sessions.deleteEnded(c, user.id(), now.minus(KEEP_ENDED));
        sessions.insert(c, new SessionRecord(id, user.id(), now, expires, null, client.userAgent(), client.address()));
        return jwt.issue(user.id(), user.role(), id, expires);
    }

    /** The enabled user and open session a token names; empty for a bad token or an ended session. */
    public Optional<AuthenticatedSession> authenticate(String token) {
        Optional<JwtService.SessionClaims> claims = jwt.verify(token);
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        JwtService.SessionClaims cl = claims.get();
        SessionCache.Entry e = cache.get(cl.sessionId(), () -> load(cl.sessionId()));
        Instant now = clock.instant();
        if (e.session().isEmpty() || e.user().isEmpty()) {
            return Optional.empty();
        }
        SessionRecord s = e.session().get();
        User u = e.user().get();
        if (s.userId() != cl.userId() || !s.isOpenAt(now) || u.disabled()) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticatedSession(u, s.id(), s.expiresAt().isBefore(cl.expiresAt()) ? s.expiresAt() : cl.expiresAt()));
    }

    /** Whether the session is still open (the socket sweep asks this of every socket). */
    public boolean isOpen(String sessionId) {
        SessionCache.Entry e = cache.get(sessionId, () -> load(sessionId));
        return e.session().map(s -> s.isOpenAt(clock.instant())).orElse(false)
                && e.user().map(u -> !u.disabled()).orElse(false);
    }

    /** {@link #isOpen} for many sessions in one read (the sockets' heartbeat); fresh from the database, not the cache. */
    public Set<String> openAmong(java.util.Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        return tx.read(c -> sessions.stillOpen(c, sessionIds, now));
    }

    private SessionCache.Entry load(String sessionId) {
        return tx.read(c -> {
            Optional<SessionRecord> s = sessions.find(c, sessionId);
            Optional<User> u = s.isPresent() ? users.findById(c, s.get().userId()) : Optional.empty();
            return new SessionCache.Entry(s, u, clock.instant());
        });
    }

    /** Ends one session (logout); nothing happens for one already ended. */
    public void revoke(String sessionId, RevokeReason reason) {
        tx.inTransaction(c -> {
            Optional<SessionRecord> s = sessions.find(c, sessionId);
            if (s.isPresent() && sessions.revoke(c, sessionId, reason, clock.instant())) {
                long userId = s.get().userId();
                Tx.afterCommit(() -> cache.evict(sessionId));
                events.accept(new SessionsEnded(userId, Set.of(sessionId), false));
            }
            return null;
        });
    }

    /**
     * Ends every open session of the user but {@code keepId} (null: every one), joining the caller's
     * transaction; the cache and the sockets hear of it after the commit.
     */
    public void revokeAll(long userId, String keepId, RevokeReason reason) {
        tx.inTransaction(c -> {
            Set<String> ended = new LinkedHashSet<>();
            for (SessionRecord s : sessions.open(c, userId, clock.instant())) {
                if (!s.id().equals(keepId)) {
                    ended.add(s.id());
                }
            }
            sessions.revokeAll(c, userId, keepId, reason, clock.instant());
            Tx.afterCommit(() -> cache.evictUser(userId));
            events.accept(new SessionsEnded(userId, Set.copyOf(ended), true));
            return null;
        });
    }

    /** The user's open sessions, newest first. */
    public List<SessionRecord> openSessions(long userId) {
        return tx.read(c -> sessions.open(c, userId, clock.instant()));
    }

    private static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
