package com.arbdesk.testing;

import com.arbdesk.config.AppConfig;
import java.util.ArrayList;
import java.util.List;

/** Every environment variable ArbDesk reads, so test servers can start from a clean slate. */
final class AppKeys {
    static final List<String> ALL;

    static {
        List<String> keys = new ArrayList<>(AppConfig.KEYS);
        keys.add("ARBDESK_CONF");
        ALL = List.copyOf(keys);
    }

    private AppKeys() {
    }
}
