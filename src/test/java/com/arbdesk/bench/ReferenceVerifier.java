package com.arbdesk.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The reference's IPN check: the body as a key-sorted Jackson tree, HMAC-SHA512 over it, constant-time compare. */
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
        byte[] canonical;
        try {
            canonical = JSON.writeValueAsBytes(sorted(tree));
        } catch (IOException e) {
            return null;
        }
        byte[] actual = macs.get().doFinal(canonical);
        return MessageDigest.isEqual(actual, claimed) ? tree : null;
    }

    private static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            TreeSet<String> names = new TreeSet<>();
            n.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                out.set(name, sorted(n.get(name)));
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                out.add(sorted(it.next()));
            }
            return out;
        }
        return n;
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
