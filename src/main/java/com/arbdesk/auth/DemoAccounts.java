package com.arbdesk.auth;

/** The two accounts demo mode seeds, shown on the login page and in the start-up banner (never in production). */
public final class DemoAccounts {
    public static final String USER_EMAIL = "demo@arbdesk.local";
    public static final String USER_PASSWORD = "demo-password";
    public static final String ADMIN_EMAIL = "admin@arbdesk.local";
    public static final String ADMIN_PASSWORD = "admin-password";

    private DemoAccounts() {
    }
}
