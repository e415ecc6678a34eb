package com.arbdesk.deposit;

import java.util.Locale;

/** What moved a deposit: the timeline's source column, in its {@link #wire()} form. */
public enum UpdateSource {
    CREATE, IPN, REFRESH, RECONCILE, ADMIN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
