package com.arbdesk.sandbox;

import com.arbdesk.core.OwnedHttpClient;
import com.arbdesk.sandbox.SandboxPayment.IpnAttempt;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the sandbox's IPNs like the provider: a signed POST to the payment's callback URL,
 * headers {@code x-nowpayments-sig} and {@code user-agent: NOWPayments v1.0}, a 3-second budget,
 * and a bounded number of retries when the receiver answers non-2xx or not at all.
 */
final class IpnDispatcher {
    private static final Logger LOG = Logger.getLogger(IpnDispatcher.class.getName());
    private static final Duration BUDGET = Duration.ofSeconds(3);

    private final OwnedHttpClient owned = OwnedHttpClient.build("sandbox-ipn-http", b -> b.connectTimeout(BUDGET));
    private final IpnSigner signer;
    private final ScheduledExecutorService scheduler;
    private final int retries;
    private final long retryMillis;
    private final Clock clock;
    private volatile boolean dropping;

    IpnDispatcher(IpnSigner signer, ScheduledExecutorService scheduler, int retries, long retryMillis, Clock clock) {
        this.signer = signer;
        this.scheduler = scheduler;
        this.retries = retries;
        this.retryMillis = retryMillis;
        this.clock = clock;
    }

    /** While set, IPNs are recorded as dropped and never sent (to exercise reconciliation). */
    void setDropping(boolean drop) {
        this.dropping = drop;
    }

    boolean dropping() {
        return dropping;
    }

    void deliver(SandboxPayment p, byte[] body, String status) {
        if (p.ipnCallbackUrl == null) {
            record(p, status, 0, "no ipn_callback_url");
            return;
        }
        if (dropping) {
            record(p, status, 0, "dropped (switch on)");
            return;
        }
        if (p.loseIpns) {
            record(p, status, 0, "lost (this payment's IPNs are lost)");
            return;
        }
        synchronized (p) {
            // one notification per step, in order, as the provider sends them; retries run on their own
            p.lastDelivery = p.lastDelivery.handle((r, e) -> null).thenCompose(x -> attempt(p, body, status, 0));
        }
    }

    private java.util.concurrent.CompletableFuture<?> attempt(SandboxPayment p, byte[] body, String status, int attemptNo) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(p.ipnCallbackUrl))
                .timeout(BUDGET)
                .header("Content-Type", "application/json")
                .header("User-Agent", "NOWPayments v1.0")
                .header("x-nowpayments-sig", signer.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return owned.client().sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            int code = response == null ? 0 : response.statusCode();
            boolean ok = code >= 200 && code < 300;
            String outcome = ok ? "delivered" : error != null ? "failed: " + error.getClass().getSimpleName() : "failed: HTTP " + code;
            if (!ok && attemptNo < retries) {
                outcome += ", retry " + (attemptNo + 1) + " of " + retries + " in " + retryMillis + " ms";
                scheduler.schedule(() -> attempt(p, body, status, attemptNo + 1), retryMillis, TimeUnit.MILLISECONDS);
            }
            record(p, status, code, outcome);
            if (!ok) {
                LOG.log(Level.FINE, "sandbox IPN for payment " + p.id + " " + outcome);
            }
        });
    }

    private void record(SandboxPayment p, String status, int httpStatus, String outcome) {
        synchronized (p) {
            p.ipnLog.add(new IpnAttempt(clock.instant(), status, httpStatus, outcome));
        }
    }

    /** Stops the HTTP client's threads (the sandbox is closing). */
    void close() {
        owned.close();
    }
}
