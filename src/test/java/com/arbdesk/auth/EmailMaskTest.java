package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmailMaskTest {
    @Test
    void keepsTheFirstCharacterAndTheDomain() {
        assertEquals("j***@example.com", EmailMask.mask("jane@example.com"));
    }

    @Test
    void theDomainStartsAtTheLastAt() {
        assertEquals("\"***@example.com", EmailMask.mask("\"a@b\"@example.com"));
    }

    @Test
    void aSurrogatePairIsOneCharacter() {
        assertEquals("\uD83D\uDE00***@example.com", EmailMask.mask("\uD83D\uDE00x@example.com"));
    }

    @Test
    void noDomainOrNothingAtAll() {
        assertEquals("j***", EmailMask.mask("jane"));
        assertEquals("", EmailMask.mask(""));
        assertEquals("", EmailMask.mask(null));
    }
}
