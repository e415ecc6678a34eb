package com.arbdesk.nowpayments;

import java.util.List;
import java.util.Map;

/**
 * The parsed form of an IPN body as {@link IpnJsonReader} builds it and {@link IpnCanonicalJson}
 * writes it: objects keep their wire key order, scalars keep their canonical text.
 */
sealed interface IpnJsonNode {

    /** An object; {@code members} is an unmodifiable map in wire order with no duplicate keys. */
    record Obj(Map<String, IpnJsonNode> members) implements IpnJsonNode {
    }

    /** An array; elements in wire order. */
    record Arr(List<IpnJsonNode> elements) implements IpnJsonNode {
    }

    /**
     * A string, number, boolean or null already rendered as it must appear in the canonical text:
     * numbers as their wire lexeme, strings escaped the JavaScript way.
     */
    record Scalar(String canonicalText) implements IpnJsonNode {
    }
}
