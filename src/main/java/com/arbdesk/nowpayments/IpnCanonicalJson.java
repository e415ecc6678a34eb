package com.arbdesk.nowpayments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a raw IPN body into the canonical text NOWPayments signs: compact JSON as JavaScript's
 * {@code JSON.stringify} writes it, with object keys sorted. Parsing is strict and happens once in
 * {@link #parse}; both the current (recursive) and the legacy (top-level only) form can then be written.
 */
public final class IpnCanonicalJson {

    private final IpnJsonNode.Obj root;
    private final IpnJsonReader.Parsed parsed;

    private IpnCanonicalJson(IpnJsonReader.Parsed parsed) {
        this.root = parsed.root();
        this.parsed = parsed;
    }

    /**
     * Parses the raw body bytes (UTF-8).
     *
     * @throws MalformedIpnJsonException for invalid UTF-8 or JSON, a non-object top level, duplicate
     *     keys, trailing content or nesting deeper than 64
     */
    public static IpnCanonicalJson parse(byte[] utf8Body) throws MalformedIpnJsonException {
        return new IpnCanonicalJson(IpnJsonReader.read(utf8Body));
    }

    /** The body as decoded (strict UTF-8), for the raw log. */
    public String text() {
        return parsed.text();
    }

    /** The same values as a Jackson tree (exact decimals), read in the same pass: the payment is mapped from it. */
    com.fasterxml.jackson.databind.node.ObjectNode tree() {
        return parsed.tree();
    }

    /** The current documented form: keys of every object sorted, recursively; arrays keep their order. */
    public String recursiveForm() {
        StringBuilder out = new StringBuilder();
        write(root, true, true, out);
        return out.toString();
    }

    /**
     * The legacy form (top-level {@code ksort}): only the top-level keys sorted, nested objects in
     * wire order. It still covers every field, unlike the old replacer-array form.
     */
    public String topLevelSortedForm() {
        StringBuilder out = new StringBuilder();
        write(root, true, false, out);
        return out.toString();
    }

    private static void write(IpnJsonNode node, boolean sortHere, boolean sortNested, StringBuilder out) {
        if (node instanceof IpnJsonNode.Scalar scalar) {
            out.append(scalar.canonicalText());
        } else if (node instanceof IpnJsonNode.Arr array) {
            out.append('[');
            String separator = "";
            for (IpnJsonNode element : array.elements()) {
                out.append(separator);
                write(element, sortNested, sortNested, out);
                separator = ",";
            }
            out.append(']');
        } else if (node instanceof IpnJsonNode.Obj object) {
            writeObject(object, sortHere, sortNested, out);
        } else {
            throw new IllegalStateException("unknown JSON node " + node.getClass());
        }
    }

    private static void writeObject(IpnJsonNode.Obj object, boolean sortHere, boolean sortNested,
            StringBuilder out) {
        Map<String, IpnJsonNode> members = object.members();
        List<String> keys = new ArrayList<>(members.keySet());
        if (sortHere) {
            // String.compareTo compares UTF-16 code units, the order of JavaScript's default sort().
            keys.sort(null);
        }
        out.append('{');
        String separator = "";
        for (String key : keys) {
            out.append(separator).append(JsStrings.quote(key)).append(':');
            write(members.get(key), sortNested, sortNested, out);
            separator = ",";
        }
        out.append('}');
    }
}
