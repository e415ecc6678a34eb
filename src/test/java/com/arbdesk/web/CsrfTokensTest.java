package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {
    private final CsrfTokens tokens = new CsrfTokens("a-test-secret-that-is-long-enough-1234567890");

    @Test
    void aTokenVerifiesForItsOwnSessionOnly() {
        String t = tokens.issue("session-a");
        assertTrue(tokens.valid(t, "session-a"));
        assertFalse(tokens.valid(t, "session-b"));
        assertFalse(tokens.valid(t, ""));
        assertNotEquals(t, tokens.issue("session-a"), "each token has its own nonce");
    }

    @Test
    void madeUpAndTamperedTokensFail() {
        String t = tokens.issue("");
        assertFalse(tokens.valid("0123456789abcdef0123456789abcdef", ""), "an unsigned value, as the old cookies were");
        assertFalse(tokens.valid("0123456789abcdef0123456789abcdef." + t.substring(33), ""), "another nonce");
        assertFalse(tokens.valid(t + "x", ""));
        assertFalse(tokens.valid(null, ""));
        assertFalse(tokens.valid(".", ""));
        assertFalse(new CsrfTokens("another-secret-that-is-long-enough-0987654321").valid(t, ""), "another server's key");
    }
}
