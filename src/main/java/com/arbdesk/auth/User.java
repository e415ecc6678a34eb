package com.arbdesk.auth;

import java.time.Instant;

/** A row of the users table. The password hash never leaves the auth package's services. */
public record User(long id, String email, String passwordHash, Role role, boolean disabled, Instant createdAt) {
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
