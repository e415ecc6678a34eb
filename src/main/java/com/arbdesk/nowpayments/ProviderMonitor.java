package com.arbdesk.nowpayments;

import com.arbdesk.core.Background;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Runs the start-up {@link ProviderCheck} in the background (the built-in sandbox only answers once
 * the server is listening, so unreachable results are retried briefly), logs one clear line with
 * its hints, and keeps the latest result for the admin health panel.
 */
public final class ProviderMonitor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ProviderMonitor.class.getName());
    private static final int START_ATTEMPTS = 8;

    private final NowPaymentsClient client;
    private final List<String> wanted;
    private final Clock clock;
    private final AtomicReference<ProviderHealth> latest = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();
    private final ScheduledExecutorService exec = Background.singleThread("provider-check");

    public ProviderMonitor(NowPaymentsClient client, List<String> wanted, Clock clock) {
        this.client = client;
        this.wanted = wanted;
        this.clock = clock;
    }

    public void start() {
        exec.schedule(() -> attempt(1), 300, TimeUnit.MILLISECONDS);
    }

    private void attempt(int n) {
        ProviderHealth h = ProviderCheck.run(client, wanted, clock);
        latest.set(h);
        if (!h.reachable() && n < START_ATTEMPTS) {
            exec.schedule(() -> attempt(n + 1), 1, TimeUnit.SECONDS);
            return;
        }
        log(h);
    }

    /**
     * The latest result, for the readiness check: when it is older than {@code maxAge} a new check starts in the
     * background (one at a time), so a provider that went away shows within about maxAge, without a probe waiting
     * on the provider.
     */
    public Optional<ProviderHealth> current(java.time.Duration maxAge) {
        ProviderHealth h = latest.get();
        if (h != null && h.checkedAt().plus(maxAge).isBefore(clock.instant()) && refreshing.compareAndSet(false, true)) {
            exec.execute(() -> {
                try {
                    ProviderHealth fresh = ProviderCheck.run(client, wanted, clock);
                    ProviderHealth before = latest.getAndSet(fresh);
                    if (before == null || before.healthy() != fresh.healthy()) {
                        log(fresh); // a change is news; the same answer again is not
                    }
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return Optional.ofNullable(h);
    }

    /** The latest result; empty until the first check finished. */
    public Optional<ProviderHealth> current() {
        return Optional.ofNullable(latest.get());
    }

    /** Checks again now (admin "re-check" button). */
    public ProviderHealth recheck() {
        ProviderHealth h = ProviderCheck.run(client, wanted, clock);
        latest.set(h);
        log(h);
        return h;
    }

    private static void log(ProviderHealth h) {
        if (h.invoiceRecovery() != null) {
            LOG.warning("NOWPayments check: " + h.invoiceRecovery());
        }
        if (h.healthy()) {
            LOG.info("NOWPayments check: OK, " + h.enabledCoins().size() + " coins enabled");
        } else {
            StringBuilder sb = new StringBuilder("NOWPayments check failed: ").append(h.message());
            h.hints().forEach(hint -> sb.append("\n  - ").append(hint));
            LOG.severe(sb.toString());
        }
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }
}
