package com.arbdesk.alerts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies: {@code X-ArbDesk-Signature: sha256=<hex HMAC-SHA256 of the raw body>}, keyed with the
 * UTF-8 bytes of the user's secret (as BTCPay signs its webhooks). Receivers recompute it over the bytes they
 * received and compare in constant time.
 */
public final class WebhookSigner {
    public static final String SIGNATURE_HEADER = "X-ArbDesk-Signature";
    public static final String TIMESTAMP_HEADER = "X-ArbDesk-Timestamp";
    public static final String DELIVERY_HEADER = "X-ArbDesk-Delivery";
    public static final String EVENT_HEADER = "X-ArbDesk-Event";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** A new secret: 32 random bytes, URL-safe base64 with a prefix that says what it is. */
    static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
