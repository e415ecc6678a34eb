package com.arbdesk.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments of the child mains. */
final class Args {
    private Args() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            out.put(a.substring(2, eq), a.substring(eq + 1));
        }
        return out;
    }
}
