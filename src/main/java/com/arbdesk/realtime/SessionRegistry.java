package com.arbdesk.realtime;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open sockets by user (the {@code user_<id>} groups; admins' sockets also receive the
 * back-office stream through their own user stream). One instance per application, built at start-up.
 */
public final class SessionRegistry {
    private final Map<Long, Set<Outbox>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Outbox> bySocket = new ConcurrentHashMap<>();
    private final LiveStats stats = new LiveStats();

    /**
     * Registers a socket, holding what reaches it until the caller {@link Outbox#start starts} it with the
     * hello. Registering before the hello's seq is read means no event can fall between the two: one
     * stored before the read is in the hello's seq (the client resumes it), one after is queued here.
     *
     * @param expiresAt when the socket's login ends (null: never on its own)
     * @param sessionId the login session the socket was opened with; null for a socket-token socket
     */
    public Outbox add(long userId, String sessionId, Instant expiresAt, LiveSocket socket) {
        Outbox o = new Outbox(socket, userId, expiresAt, sessionId, stats);
        o.hold();
        bySocket.put(socket.id(), o);
        byUser.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(o);
        return o;
    }

    public void remove(String socketId) {
        Outbox o = bySocket.remove(socketId);
        if (o != null) {
            Set<Outbox> set = byUser.get(o.userId);
            if (set != null) {
                set.remove(o);
            }
        }
    }

    /** How many sockets are open now. */
    public int openCount() {
        return bySocket.size();
    }

    /** The sockets' running totals (messages sent, overflows, catch-ups). */
    public LiveStats stats() {
        return stats;
    }

    /** The socket's outbox; null once it is removed. */
    public Outbox outbox(String socketId) {
        return bySocket.get(socketId);
    }

    /** Queues a message to every open socket of the user; never blocks on a socket. */
    void sendToUser(long userId, String message) {
        for (Outbox o : byUser.getOrDefault(userId, Set.of())) {
            o.offer(message);
        }
    }

    /**
     * Queues a market update to the sockets that asked for one (not kept for catch-up): {@code full} to those
     * subscribed to market data, {@code summary} to those subscribed to the summary. Both texts are built once,
     * whatever the number of sockets. The others get nothing: sending the summary to all 5,000 sockets of the
     * benchmark took 140-240 ms of a core every 3 s, for pages that never read it.
     */
    void broadcastMarket(String full, String summary) {
        for (Outbox o : bySocket.values()) {
            String m = o.marketMessage(full, summary);
            if (m != null) {
                o.offer(m);
            }
        }
    }

    Collection<Outbox> all() {
        return bySocket.values();
    }

    /**
     * Closes with 4401 the user's sockets opened with one of the ended sessions, and with
     * {@code tokenSockets} also those opened with a socket token (their session is not known).
     */
    void closeSessions(com.arbdesk.auth.SessionsEnded ended) {
        for (Outbox o : byUser.getOrDefault(ended.userId(), Set.of())) {
            if (o.sessionId == null ? ended.tokenSockets() : ended.sessionIds().contains(o.sessionId)) {
                o.close(LiveSocket.SESSION_ENDED, "session ended");
            }
        }
    }

    /** Closes every socket of the user with 4401 (account disabled, session over). */
    void closeUser(long userId, String reason) {
        for (Outbox o : byUser.getOrDefault(userId, Set.of())) {
            o.close(LiveSocket.SESSION_ENDED, reason);
        }
    }
}
