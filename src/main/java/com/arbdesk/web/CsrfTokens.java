package com.arbdesk.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed double-submit CSRF tokens: {@code nonce.HMAC(nonce|session)}. A token made up by an attacker (who
 * can plant a cookie but not compute the HMAC) or taken from another session never verifies. The key is
 * derived from JWT_SECRET under its own label, so the session key itself never signs anything else.
 */
public final class CsrfTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    public CsrfTokens(String jwtSecret) {
        byte[] derived = hmac(new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "arbdesk-csrf-v1");
        this.key = new SecretKeySpec(derived, "HmacSHA256");
    }

    /** A fresh token bound to this session (the session cookie's value; empty before login). */
    public String issue(String session) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String n = HexFormat.of().formatHex(nonce);
        return n + "." + sign(n, session);
    }

    /** Whether the token was issued by this server for this session. */
    public boolean valid(String token, String session) {
        if (token == null || token.length() > 128) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot != 32) {
            return false;
        }
        String expected = sign(token.substring(0, dot), session);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String nonce, String session) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, nonce + "|" + session));
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
