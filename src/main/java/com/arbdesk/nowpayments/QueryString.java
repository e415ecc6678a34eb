package com.arbdesk.nowpayments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds a URL query from name/value pairs, leaving out null values and encoding the rest. */
final class QueryString {

    private QueryString() {
    }

    /** {@code "?a=1&b=2"}, or {@code ""} when every value is null. */
    static String of(String... namesAndValues) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null) {
                q.add(namesAndValues[i] + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }
}
