package com.arbdesk.config;

/** A configuration value is missing, malformed or too weak; its message names the variable and is shown as-is. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        // no stack trace: the operator needs the one line naming the variable, not our call chain
        super(message, null, false, false);
    }
}
