package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNextTest {

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/admin/deposits?status=completed&offset=50", "/admin/users/7"})
    void localPathsAreKept(String next) {
        assertEquals(next, Pages.safeNext(next, "/fallback"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/\t/evil.example/", "/\r\n/evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example",
            "https://evil.example/", "http:/evil.example", "evil.example", "/ /evil.example", "/\u0000/x", "/%2f/evil.example",
            "/%09/evil.example", "/./admin", "/a/../admin", "javascript:alert(1)", "/\u2028x", ""})
    void everythingElseFallsBack(String next) {
        assertEquals("/fallback", Pages.safeNext(next, "/fallback"));
    }
}
