package com.arbdesk.auth;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them with the parameters every authenticator app
 * uses by default: HMAC-SHA1, 30-second steps from the Unix epoch, 6 digits. Hand-written (a page of
 * code) rather than a dependency; checked against the RFC's test vectors.
 */
public final class Totp {
    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Steps either side of now that are still accepted (clock drift, typing time). */
    public static final int WINDOW = 1;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The time step an instant falls in. */
    public static long step(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one step, zero-padded to {@code digits}, with HMAC-SHA1 (RFC 4226 dynamic truncation). */
    public static String code(byte[] key, long step, int digits) {
        return code(key, step, digits, "HmacSHA1");
    }

    /** The same with another HMAC (the RFC's vectors also cover SHA-256 and SHA-512). */
    static String code(byte[] key, long step, int digits, String algorithm) {
        byte[] h;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                | (h[offset + 3] & 0xff);
        String s = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - s.length()) + s;
    }

    /** The 6-digit code for an instant. */
    public static String code(byte[] key, Instant t) {
        return code(key, step(t), DIGITS);
    }

    /**
     * The step whose code this is, within {@link #WINDOW} steps of {@code now} and later than
     * {@code lastUsedStep} (a code, once accepted, never works again). Every candidate is compared in
     * constant time, so the answer's timing does not say which step nearly matched.
     */
    public static OptionalLong match(byte[] key, String code, Instant now, long lastUsedStep) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = -1;
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            boolean same = MessageDigest.isEqual(code(key, s, DIGITS).getBytes(), code.getBytes());
            if (same && s > lastUsedStep && found < 0) {
                found = s;
            }
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
