package com.arbdesk.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.core.Failure;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The webhook signature against a known HMAC-SHA256 vector, secrets, and which URLs production refuses. */
class WebhookSignerTest {
    @Test
    void theSignatureIsTheHexHmacSha256OfTheRawBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSigner.signature("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
        String body = "{\"id\":\"x\",\"data\":{\"net_pct\":\"0.31\"}}";
        assertNotEquals(WebhookSigner.signature("k", body.getBytes(StandardCharsets.UTF_8)),
                WebhookSigner.signature("k", body.replace("0.31", "0.32").getBytes(StandardCharsets.UTF_8)), "the body is covered");
    }

    @Test
    void secretsAreRandomAndLong() {
        String a = WebhookSigner.newSecret();
        assertTrue(a.startsWith("whsec_") && a.length() >= 6 + 43, a);
        assertNotEquals(a, WebhookSigner.newSecret());
    }

    @Test
    void onlyHttpUrlsAndInProductionOnlyPublicAddresses() throws UnknownHostException {
        WebhookUrls demo = new WebhookUrls(false);
        WebhookUrls prod = new WebhookUrls(true);
        assertEquals("http://127.0.0.1:9/hook", demo.check(" http://127.0.0.1:9/hook ").toString());
        for (String bad : new String[] {"ftp://example.com/x", "javascript:alert(1)", "https://user:pw@example.com/", "/relative", ""}) {
            Failure f = assertThrows(Failure.class, () -> demo.check(bad), bad);
            assertEquals("url", f.field());
        }
        for (String local : new String[] {"http://127.0.0.1/", "http://localhost:8080/", "http://10.1.2.3/", "http://192.168.0.1/",
            "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://[fd00::1]/"}) {
            assertThrows(Failure.class, () -> prod.check(local), local);
        }
        assertTrue(WebhookUrls.isPublic(InetAddress.getByName("93.184.216.34")));
        assertFalse(WebhookUrls.isPublic(InetAddress.getByName("172.16.5.4")));
    }
}
