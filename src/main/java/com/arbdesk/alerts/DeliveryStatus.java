package com.arbdesk.alerts;

import java.util.Arrays;

/** Where a webhook delivery stands: waiting for its next attempt, delivered (a 2xx), or given up. */
public enum DeliveryStatus {
    PENDING("pending"), DELIVERED("delivered"), FAILED("failed");

    private final String wire;

    DeliveryStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static DeliveryStatus of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown delivery status " + wire));
    }
}
