package com.arbdesk.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reference's IPN check: the body as a key-sorted Jackson tree, numbers printed as JavaScript prints them,
 * HMAC-SHA512 over it, constant-time compare. Like the app it accepts the documented recursive sort and the
 * legacy top-level sort, and always computes both.
 */
public final class ReferenceVerifier {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public ReferenceVerifier(String secret) {
        this.key = new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA512");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The parsed body when the signature is authentic, else null (also for a missing, malformed or odd-length signature). */
    public JsonNode verified(byte[] body, String signature) {
        if (signature == null || signature.strip().length() != 128) {
            return null;
        }
        byte[] claimed;
        JsonNode tree;
        try {
            claimed = HexFormat.of().parseHex(signature.strip());
            tree = JSON.readTree(body);
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
        if (tree == null || !tree.isObject()) {
            return null;
        }
        byte[] recursive;
        byte[] topLevel;
        try {
            recursive = JSON.writeValueAsBytes(canonical(tree, true, true));
            topLevel = JSON.writeValueAsBytes(canonical(tree, false, true));
        } catch (IOException e) {
            return null;
        }
        Mac mac = macs.get();
        boolean a = MessageDigest.isEqual(mac.doFinal(recursive), claimed);
        boolean b = MessageDigest.isEqual(mac.doFinal(topLevel), claimed);
        return a | b ? tree : null;
    }

    /** Keys sorted (at every level, or only at the top), numbers as raw JavaScript lexemes. */
    private static JsonNode canonical(JsonNode n, boolean recursive, boolean top) {
        boolean sortHere = recursive || top;
        if (n.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            if (sortHere) {
                Collections.sort(names);
            }
            for (String name : names) {
                JsonNode v = n.get(name);
                if (v.isNumber()) {
                    out.putRawValue(name, new RawValue(jsNumber(v.decimalValue())));
                } else {
                    out.set(name, canonical(v, recursive, false));
                }
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                JsonNode v = it.next();
                if (v.isNumber()) {
                    out.addRawValue(new RawValue(jsNumber(v.decimalValue())));
                } else {
                    out.add(canonical(v, recursive, false));
                }
            }
            return out;
        }
        return n;
    }

    /** How JavaScript's Number#toString prints this (exact) decimal: plain between 1e-7 and 1e21, else d.ddde±x. */
    static String jsNumber(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal v = value.stripTrailingZeros();
        String sign = v.signum() < 0 ? "-" : "";
        String digits = v.unscaledValue().abs().toString();
        int k = digits.length();
        int n = k - v.scale(); // the decimal point sits after n digits
        String body;
        if (k <= n && n <= 21) {
            body = digits + "0".repeat(n - k);
        } else if (0 < n && n <= 21) {
            body = digits.substring(0, n) + "." + digits.substring(n);
        } else if (-6 < n && n <= 0) {
            body = "0." + "0".repeat(-n) + digits;
        } else {
            int e = n - 1;
            String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            body = mantissa + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
        }
        return sign + body;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is unavailable", e);
        }
    }
}
