package com.arbdesk.nowpayments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * Signs IPN payloads for tests, deliberately built differently from {@link IpnVerifier}: HMAC is
 * done by hand (RFC 2104 over MessageDigest SHA-512) and bodies are canonicalised by Jackson databind.
 */
public final class IpnTestSigner {

    private static final int SHA512_BLOCK_BYTES = 128;

    private static final ObjectMapper SORTING_MAPPER =
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper WIRE_MAPPER = new ObjectMapper();

    private IpnTestSigner() {
    }

    /** Lowercase hex HMAC-SHA512 of {@code canonical} (UTF-8), keyed with the trimmed secret. */
    public static String sign(String secret, String canonical) {
        byte[] key = secret.trim().getBytes(StandardCharsets.UTF_8);
        if (key.length > SHA512_BLOCK_BYTES) {
            key = sha512(key);
        }
        byte[] innerPad = new byte[SHA512_BLOCK_BYTES];
        byte[] outerPad = new byte[SHA512_BLOCK_BYTES];
        for (int i = 0; i < SHA512_BLOCK_BYTES; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
        byte[] inner = sha512(concat(innerPad, canonical.getBytes(StandardCharsets.UTF_8)));
        StringBuilder hex = new StringBuilder();
        for (byte b : sha512(concat(outerPad, inner))) {
            hex.append(String.format("%02x", b & 0xff));
        }
        return hex.toString();
    }

    /**
     * Canonical text of a payload made of maps, strings, longs, booleans and lists. Only for values
     * where Jackson and JavaScript print the same (no doubles, no control characters).
     */
    public static String canonicalOf(Map<String, ?> payload) {
        return write(SORTING_MAPPER, payload);
    }

    /** The payload in its given (wire) key order, as NOWPayments would post it. */
    static String wireBodyOf(Map<String, ?> payload) {
        return write(WIRE_MAPPER, payload);
    }

    private static String write(ObjectMapper mapper, Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be written as JSON", e);
        }
    }

    private static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
