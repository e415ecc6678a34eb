package com.arbdesk.web;

import com.arbdesk.auth.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The authenticated caller of a request, set by the auth filter; {@code viaBearer} when the token came
 * in a header or query, {@code expiresAt} when the session token ends (a WebSocket closes then),
 * {@code sessionId} the server-side session the token names (null for a socket opened with a
 * one-minute socket token), which logout revokes.
 */
public record CurrentUser(long id, String email, Role role, boolean viaBearer, java.time.Instant expiresAt,
                          String sessionId, boolean secondFactorDue)
        implements java.security.Principal {
    public static final String ATTRIBUTE = "currentUser";

    @Override
    public String getName() {
        return Long.toString(id);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public static Optional<CurrentUser> of(HttpServletRequest req) {
        return Optional.ofNullable((CurrentUser) req.getAttribute(ATTRIBUTE));
    }
}
