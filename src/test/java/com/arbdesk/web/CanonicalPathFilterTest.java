package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/admin", "/admin/users/12", "/api/deposits/5/qr", "/admin/", "/assets/css/app.css",
            "/sandbox/nowpayments/"})
    void plainPathsPass(String path) {
        assertTrue(CanonicalPathFilter.isCanonical(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//admin", "/admin//users", "/./admin", "/z/../admin", "/admin/.", "/admin/..", "/admin;x",
            "/api/admin;/users", "/%61dmin", "/api/admin%2fusers", "/api/admin%2Fusers", "/%2561dmin", "/admin%2e",
            "/admin\\users", "/ad min", "/admin\t", "/admin\u0000", "/adm\u00efn", "", "admin", "/%"})
    void variantsAreRefused(String path) {
        assertFalse(CanonicalPathFilter.isCanonical(path), path);
    }
}
