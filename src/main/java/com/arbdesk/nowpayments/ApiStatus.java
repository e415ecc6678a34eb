package com.arbdesk.nowpayments;

/** The answer of {@code GET /status}: {@code ok} when the provider says "OK". */
public record ApiStatus(boolean ok, String message) {
}
