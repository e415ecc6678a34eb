package com.arbdesk.config;

/** A configuration value is missing, malformed or too weak; its message names the variable and is shown as-is. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
