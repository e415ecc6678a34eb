package com.arbdesk.config;

/** How ArbDesk runs: demo (offline, built-in sandbox, seeded logins) or production (real provider, strict secrets). */
public enum AppMode {
    DEMO, PRODUCTION;

    static AppMode parse(String raw) {
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "demo" -> DEMO;
            case "production", "prod" -> PRODUCTION;
            default -> throw new ConfigException("APP_MODE must be 'demo' or 'production', not '" + raw + "'");
        };
    }
}
