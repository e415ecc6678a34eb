package com.arbdesk.bench;

import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The reference's open sockets by user id, so a committed IPN can reach its payer from memory. */
public final class ReferenceSockets {
    private final Map<Long, Set<Session>> byUser = new ConcurrentHashMap<>();

    void add(long userId, Session s) {
        byUser.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(s);
    }

    void remove(long userId, Session s) {
        Set<Session> set = byUser.get(userId);
        if (set != null) {
            set.remove(s);
        }
    }

    /**
     * Sends {@code text} to every open socket of the user, one send at a time per socket (Tomcat refuses a
     * second async send while one is in flight); a socket that fails is closed and forgotten.
     */
    void send(long userId, String text) {
        for (Session s : byUser.getOrDefault(userId, Set.of())) {
            synchronized (s) {
                try {
                    if (s.isOpen()) {
                        s.getBasicRemote().sendText(text);
                    }
                } catch (IOException e) {
                    remove(userId, s);
                }
            }
        }
    }
}
