package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transfer costs on the real server: gzip above a size threshold, fingerprinted assets cached as immutable, no cookie on IPN answers. */
class StaticAssetsIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestClient.Res get(String path, boolean gzip) {
        var b = server.client().builder(path);
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        return server.client().send(b.GET());
    }

    @Test
    void pagesLinkFingerprintedAssetsCachedForAYearAsImmutable() {
        String page = get("/login", false).body();
        Matcher m = Pattern.compile("href=\"(/assets/css/app\\.css\\?v=([0-9a-f]{12}))\"").matcher(page);
        assertTrue(m.find(), page);
        TestClient.Res css = get(m.group(1), true);
        assertEquals(200, css.status());
        assertEquals(Optional.of("public, max-age=31536000, immutable"), css.header("Cache-Control"));
        assertEquals(Optional.of("gzip"), css.header("Content-Encoding"), "text assets are compressed");
        assertTrue(page.contains("/assets/js/app.js?v=" + m.group(2)), "every asset link carries the same fingerprint");

        assertEquals(Optional.of("public, max-age=60"), get("/assets/css/app.css", false).header("Cache-Control"),
                "an unfingerprinted URL is cached briefly");
        assertEquals(Optional.of("public, max-age=60"), get("/assets/css/app.css?v=stale", false).header("Cache-Control"),
                "so is an old fingerprint");
        assertEquals(Optional.of("no-store"), get("/login", false).header("Cache-Control"), "pages stay uncached");
    }

    @Test
    void textAnswersAreCompressedAboveTheThresholdOnly() {
        assertEquals(Optional.of("gzip"), get("/login", true).header("Content-Encoding"), "a page");
        assertTrue(get("/health", true).header("Content-Encoding").isEmpty(), "a small JSON answer stays plain");
        assertTrue(get("/login", false).header("Content-Encoding").isEmpty(), "only for clients that accept it");
    }

    @Test
    void anIpnAnswerSetsNoCookie() {
        TestClient.Res r = server.client().postJson("/api/nowpayments/ipn", "{\"payment_id\":1,\"payment_status\":\"finished\"}",
                Map.of("x-nowpayments-sig", "0".repeat(128)));
        assertEquals(400, r.status());
        assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), r.headers().map().toString());
    }
}
