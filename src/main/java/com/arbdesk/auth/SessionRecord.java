package com.arbdesk.auth;

import java.time.Instant;

/** A row of the sessions table: one login (or sign-up) on one device, open until it expires or is revoked. */
public record SessionRecord(String id, long userId, Instant createdAt, Instant expiresAt, Instant revokedAt,
                            String userAgent, String clientAddress) {
    public boolean isOpenAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
