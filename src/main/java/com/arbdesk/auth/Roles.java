package com.arbdesk.auth;

/**
 * The role names routes declare with {@code @RolesAllowed}: {@link #USER} is held by every logged-in
 * account, {@link #ADMIN} only by administrators. Constants, because annotations need compile-time strings.
 */
public final class Roles {
    public static final String USER = "user";
    public static final String ADMIN = "admin";

    private Roles() {
    }

    /** Whether an account with this role holds the named role. */
    public static boolean holds(Role role, String name) {
        return USER.equals(name) || ADMIN.equals(name) && role == Role.ADMIN;
    }
}
