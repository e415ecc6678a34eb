package com.arbdesk.deposit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * How the reconciler is doing, for the back office: its lag (how far in the past the most overdue
 * check lies; zero when nothing is overdue), checks and errors in the last hour, how many deposits
 * it watches and how many are no longer watched, whether it is paused because the provider was busy,
 * and whether lost IPNs of invoice deposits can be recovered at all (that needs the account login).
 */
public record ReconcileHealth(Duration lag, Instant oldestDue, long checksLastHour, long errorsLastHour, String lastError,
                              long watched, long unwatched, Instant lastPass, Instant pausedUntil,
                              BigDecimal requestsPerSecond, boolean invoiceRecovery) {

    /** The plain sentence the back office shows when invoice IPNs cannot be recovered. */
    public static final String NO_INVOICE_RECOVERY = com.arbdesk.nowpayments.ProviderCheck.NO_INVOICE_RECOVERY;
}
