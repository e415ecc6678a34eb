package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arbdesk.boot.QuietErrorReportValve;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded server's error valve cannot see the app's classes, so it carries its own copy of the headers. */
class SecurityHeadersAgreeTest {
    @Test
    void theErrorValveSendsTheAppsHeaders() {
        Map<String, String> valve = new HashMap<>(QuietErrorReportValve.SECURITY_HEADERS);
        assertEquals("no-store", valve.remove("Cache-Control"));
        assertEquals(SecurityHeadersFilter.HEADERS, valve);
    }

    @Test
    void webSocketsMayOnlyConnectToThisOrigin() {
        String csp = SecurityHeadersFilter.HEADERS.get("Content-Security-Policy");
        assertEquals("connect-src 'self'", csp.replaceAll(".*(connect-src [^;]*).*", "$1"));
    }
}
