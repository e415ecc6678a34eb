package com.arbdesk.realtime;

import com.arbdesk.web.CurrentUser;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open WebSocket sessions by user (the {@code user_<id>} groups; admins' sessions also receive
 * the back-office stream through their own user stream). One per web application: the webapp class
 * loader scopes the static instance.
 */
public final class SessionRegistry {
    private static final SessionRegistry INSTANCE = new SessionRegistry();

    private final Map<Long, Set<Outbox>> byUser = new ConcurrentHashMap<>();
    private final Map<Session, Outbox> bySession = new ConcurrentHashMap<>();

    public static SessionRegistry get() {
        return INSTANCE;
    }

    /**
     * Registers a socket, holding what reaches it until the caller {@link Outbox#start starts} it with the
     * hello. Registering before the hello's seq is read means no event can fall between the two: one
     * stored before the read is in the hello's seq (the client resumes it), one after is queued here.
     */
    public Outbox add(CurrentUser user, Session session) {
        Outbox o = new Outbox(session, user.id(), user.expiresAt(), user.sessionId());
        o.hold();
        bySession.put(session, o);
        byUser.computeIfAbsent(user.id(), k -> ConcurrentHashMap.newKeySet()).add(o);
        return o;
    }

    public void remove(Session session) {
        Outbox o = bySession.remove(session);
        if (o != null) {
            Set<Outbox> set = byUser.get(o.userId);
            if (set != null) {
                set.remove(o);
            }
        }
    }

    public Outbox outbox(Session session) {
        return bySession.get(session);
    }

    /** Queues a message to every open session of the user; never blocks on a socket. */
    void sendToUser(long userId, String message) {
        for (Outbox o : byUser.getOrDefault(userId, Set.of())) {
            o.offer(message);
        }
    }

    /** Queues a message to every open socket (events not kept for catch-up, like market updates). */
    void broadcast(String message) {
        bySession.values().forEach(o -> o.offer(message));
    }

    java.util.Collection<Outbox> all() {
        return bySession.values();
    }

    /**
     * Closes with 4401 the user's sockets opened with one of the ended sessions, and with
     * {@code tokenSockets} also those opened with a socket token (their session is not known).
     */
    void closeSessions(com.arbdesk.auth.SessionsEnded ended) {
        for (Outbox o : byUser.getOrDefault(ended.userId(), Set.of())) {
            if (o.sessionId == null ? ended.tokenSockets() : ended.sessionIds().contains(o.sessionId)) {
                o.close(new jakarta.websocket.CloseReason(() -> 4401, "session ended"));
            }
        }
    }

    /** Closes every socket of the user with 4401 (account disabled, session over). */
    void closeUser(long userId, String reason) {
        for (Outbox o : byUser.getOrDefault(userId, Set.of())) {
            o.close(new jakarta.websocket.CloseReason(() -> 4401, reason));
        }
    }
}
