package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final PasswordHasher HASHER = new PasswordHasher();

    @Test
    void hashNamesItsParametersAndVerifies() {
        String h = HASHER.hash("correct horse battery");
        String[] parts = h.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(Integer.toString(PasswordHasher.ITERATIONS), parts[1]);
        assertTrue(PasswordHasher.ITERATIONS >= 600_000);
        assertTrue(HASHER.verify("correct horse battery", h));
        assertFalse(HASHER.verify("correct horse batterY", h));
        assertFalse(HASHER.needsRehash(h));
    }

    @Test
    void samePasswordGetsADifferentSalt() {
        assertNotEquals(HASHER.hash("same password"), HASHER.hash("same password"));
    }

    @Test
    void malformedOrWeakerStoredHashes() {
        assertFalse(HASHER.verify("x", "not-a-hash"));
        assertFalse(HASHER.verify("x", "md5$1$abc$def"));
        assertFalse(HASHER.verify("x", "pbkdf2-sha256$many$abc$def"));
        assertTrue(HASHER.needsRehash("pbkdf2-sha256$1000$AAAA$AAAA"));
    }
}
