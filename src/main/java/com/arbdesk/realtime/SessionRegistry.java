package com.arbdesk.realtime;

import com.arbdesk.auth.CurrentUser;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open WebSocket sessions, grouped as {@code user_<id>} and {@code admin_dashboard}. One per
 * web application (the webapp class loader scopes the static instance).
 */
public final class SessionRegistry {
    public static final String ADMIN_GROUP = "admin_dashboard";
    private static final SessionRegistry INSTANCE = new SessionRegistry();

    private final Map<String, Set<Session>> groups = new ConcurrentHashMap<>();

    public static SessionRegistry get() {
        return INSTANCE;
    }

    public void add(CurrentUser user, Session session) {
        groups.computeIfAbsent("user_" + user.id(), k -> ConcurrentHashMap.newKeySet()).add(session);
        if (user.isAdmin()) {
            groups.computeIfAbsent(ADMIN_GROUP, k -> ConcurrentHashMap.newKeySet()).add(session);
        }
    }

    public void remove(Session session) {
        groups.values().forEach(s -> s.remove(session));
    }

    public Set<Session> group(String name) {
        return groups.getOrDefault(name, Set.of());
    }

    public int size() {
        return (int) groups.entrySet().stream().filter(e -> e.getKey().startsWith("user_"))
                .mapToLong(e -> e.getValue().size()).sum();
    }
}
