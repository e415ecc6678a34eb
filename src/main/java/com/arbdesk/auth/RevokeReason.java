package com.arbdesk.auth;

/** Why a session was ended early; {@link #wire()} is the sessions.revoked_reason value. */
public enum RevokeReason {
    LOGOUT("logout"),
    LOGOUT_EVERYWHERE("logout_everywhere"),
    PASSWORD_CHANGED("password_changed"),
    USER_DISABLED("user_disabled");

    private final String wire;

    RevokeReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
