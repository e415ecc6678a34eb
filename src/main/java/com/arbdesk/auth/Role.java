package com.arbdesk.auth;

/** What a user may do: USER sees their own money, ADMIN runs the back office. */
public enum Role {
    USER, ADMIN
}
