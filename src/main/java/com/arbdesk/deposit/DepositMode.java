package com.arbdesk.deposit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a deposit is paid: the {@code transactions.mode} column and the JSON {@code mode}, in {@link #wire()} form. */
public enum DepositMode {
    /** An address and an exact amount shown in ArbDesk. */
    PAYMENT,
    /** The provider's hosted invoice page. */
    INVOICE,
    /** A further payment to a used address, found by us, never asked for by a user. */
    REDEPOSIT;

    /** The stored and JSON form: "payment". */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a user may ask for it when creating a deposit. */
    public boolean userChoice() {
        return this != REDEPOSIT;
    }

    /** A mode from outside or from a row; empty for a word that is no mode. */
    public static Optional<DepositMode> parse(String word) {
        return word == null ? Optional.empty() : Arrays.stream(values()).filter(m -> m.wire().equals(word.trim())).findFirst();
    }
}
