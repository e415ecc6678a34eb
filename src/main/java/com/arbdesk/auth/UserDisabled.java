package com.arbdesk.auth;

/** Published after an admin disabled an account: its open sockets are closed at once. */
public record UserDisabled(long userId) {
}
