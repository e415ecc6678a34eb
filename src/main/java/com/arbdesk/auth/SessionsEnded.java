package com.arbdesk.auth;

import java.util.Set;

/**
 * Published after sessions were revoked: sockets opened with one of {@code sessionIds} close at once;
 * with {@code tokenSockets} so do the user's sockets opened with a one-minute socket token, whose
 * session is not known (password change, log out everywhere, account disabled).
 */
public record SessionsEnded(long userId, Set<String> sessionIds, boolean tokenSockets) {
}
