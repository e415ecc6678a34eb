package com.arbdesk.config;

import java.util.Locale;

/** LOG_FORMAT: one line per event, readable ({@code human}, the default) or one JSON object ({@code json}). */
public enum LogFormat {
    HUMAN, JSON;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LogFormat parse(String raw) {
        for (LogFormat f : values()) {
            if (f.wire().equals(raw.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new ConfigException("LOG_FORMAT must be 'human' or 'json', not '" + raw + "'");
    }
}
