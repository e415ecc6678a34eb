package com.arbdesk.deposit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What became of an IPN: the {@code ipn_events.verdict} column, the answer to the provider and the
 * outcome of an update or a replay, always in its {@link #wire()} form. Every verdict here is one the
 * code writes, so the admin filters built from {@link #values()} offer exactly what can be found.
 */
public enum IpnVerdict {
    /** Stored raw, not verified or applied yet: the row's first verdict. */
    RECEIVED,
    /** It moved the deposit (status, credit, flags or payment details). */
    APPLIED,
    /** It said nothing new. */
    DUPLICATE,
    /** Out of order or an unknown provider status: nothing moved. */
    IGNORED,
    /** It names another payment, coin, order or price, or a re-deposit: held for an admin, never credited. */
    FLAGGED,
    /** No deposit has this payment. */
    UNKNOWN_PAYMENT,
    /** The signature is missing or does not verify over the raw bytes. */
    INVALID_SIGNATURE,
    /** Signed, but not a plausible payment. */
    MALFORMED;

    /** The stored and JSON form: "unknown_payment". */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict of a stored row; an unknown word is refused (our code writes only these). */
    public static IpnVerdict fromWire(String s) {
        return parse(s).orElseThrow(() -> new IllegalArgumentException("not an IPN verdict: " + s));
    }

    /** A verdict from outside (a filter, a query string); empty for anything that is not one. */
    public static Optional<IpnVerdict> parse(String s) {
        return s == null ? Optional.empty() : Arrays.stream(values()).filter(v -> v.wire().equals(s.trim())).findFirst();
    }

    /** Refused before it could be applied (its signature or its body): a failure on the provider health card. */
    public boolean refused() {
        return this == INVALID_SIGNATURE || this == MALFORMED;
    }

    /** It never reached a deposit row: an exception in its own right for the admin. */
    public boolean reachedNoDeposit() {
        return refused() || this == UNKNOWN_PAYMENT;
    }
}
