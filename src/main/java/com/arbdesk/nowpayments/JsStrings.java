package com.arbdesk.nowpayments;

import java.util.HexFormat;

/**
 * Quotes strings exactly as JavaScript's {@code JSON.stringify} does, which is the serialiser
 * NOWPayments signs with: only quote, backslash, control characters and lone surrogates are escaped.
 */
final class JsStrings {

    private static final HexFormat LOWER_HEX = HexFormat.of();

    private JsStrings() {
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        // As JSON.stringify: lowercase hex escapes for controls and lone surrogates.
                        out.append("\\u").append(LOWER_HEX.toHexDigits(c));
                    } else {
                        // Not '/', not non-ASCII: JavaScript leaves them as they are.
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
