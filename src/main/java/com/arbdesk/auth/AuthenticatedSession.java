package com.arbdesk.auth;

import java.time.Instant;

/** A session token that checked out: the enabled user, the open session it names and when that ends. */
public record AuthenticatedSession(User user, String sessionId, Instant expiresAt) {
}
