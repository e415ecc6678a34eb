package com.arbdesk.alerts;

import com.arbdesk.core.Background;
import com.arbdesk.core.Failure;
import com.arbdesk.core.OwnedHttpClient;
import com.arbdesk.core.db.Tx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posts due webhook deliveries on one background thread, signed with the owner's current secret. The state of
 * every delivery is in the database (status, attempts, next attempt), so a restart resumes where it stopped; a
 * non-2xx answer, a timeout or a refused connection is retried after the next wait of the backoff ladder, and
 * after the last one the delivery is marked failed. Redirects are not followed (a 3xx is a failure). A pass posts
 * its batch on {@link #SENDERS} threads and waits for all of them before the next pass, so one slow receiver
 * delays only its own deliveries and no delivery is ever in flight twice.
 */
public final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    static final String EVENT = "alert.fired";
    private static final int BATCH = 20;
    static final int SENDERS = 4;
    private static final int MAX_ERROR = 300;

    private final Tx tx;
    private final WebhookDeliveryDao deliveries;
    private final WebhookDao webhooks;
    private final WebhookUrls urls;
    private final Duration timeout;
    private final List<Duration> backoff;
    private final Clock clock;
    private final OwnedHttpClient owned;
    private final ScheduledExecutorService thread = Background.singleThread("alert-webhooks");
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
        Thread t = new Thread(r, "alert-webhook-post");
        t.setDaemon(true);
        return t;
    });

    private volatile BooleanSupplier active = () -> true;

    public WebhookSender(Tx tx, WebhookDeliveryDao deliveries, WebhookDao webhooks, WebhookUrls urls, Duration timeout,
                         List<Duration> backoff, Clock clock) {
        this.tx = tx;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.urls = urls;
        this.timeout = timeout;
        this.backoff = List.copyOf(backoff);
        this.clock = clock;
        this.owned = OwnedHttpClient.build("webhook-http", b -> b.connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER));
    }

    /** Starts the delivery loop; it posts only while {@code active} (the instance doing the background work). */
    public void start(BooleanSupplier active) {
        this.active = active;
        thread.scheduleWithFixedDelay(this::passQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** Runs a pass now (after a commit that stored a delivery). */
    void wake() {
        thread.execute(this::passQuietly);
    }

    private void passQuietly() {
        if (!active.getAsBoolean()) {
            return; // another instance posts: two would send each delivery twice
        }
        try {
            pass();
        } catch (RuntimeException e) {
            // a background loop: the deliveries stay due and the next pass tries again
            LOG.log(Level.WARNING, "webhook delivery pass failed", e);
        }
    }

    /** Sends every due delivery once; returns how many were tried. */
    int pass() {
        int tried = 0;
        List<WebhookDelivery> due;
        do {
            Instant now = clock.instant();
            due = tx.read(c -> deliveries.due(c, now, BATCH));
            List<Callable<Void>> posts = due.stream().<Callable<Void>>map(d -> () -> {
                attempt(d);
                return null;
            }).toList();
            try {
                for (Future<Void> f : senders.invokeAll(posts)) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return tried; // shutting down: what was not recorded stays due for the next run
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            tried += due.size();
        } while (due.size() == BATCH);
        return tried;
    }

    private void attempt(WebhookDelivery d) {
        int n = d.attempts() + 1;
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        boolean giveUp = false;
        try {
            Optional<WebhookDao.Webhook> hook = tx.read(c -> webhooks.find(c, d.userId()));
            if (hook.isEmpty() || hook.get().url() == null) {
                // the user removed the webhook since: nothing more is sent to the old address
                giveUp = true;
                throw new IOException("the webhook was removed");
            }
            URI target = URI.create(d.url());
            urls.refusePrivate(target.getHost());
            byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
            HttpRequest req = HttpRequest.newBuilder(target).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "ArbDesk-Webhook/1")
                    .header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.signature(hook.get().secret(), body))
                    .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(started.getEpochSecond()))
                    .header(WebhookSigner.DELIVERY_HEADER, d.deliveryUid())
                    .header(WebhookSigner.EVENT_HEADER, EVENT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            status = owned.client().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                error = "HTTP " + status;
            }
        } catch (IOException e) {
            error = shorten(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (Failure | IllegalArgumentException e) {
            error = shorten(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down: the delivery stays due and is tried after the restart
        }
        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        DeliveryStatus outcome;
        Instant next = null;
        if (error == null) {
            outcome = DeliveryStatus.DELIVERED;
        } else if (!giveUp && n <= backoff.size()) {
            outcome = DeliveryStatus.PENDING;
            next = clock.instant().plus(backoff.get(n - 1));
        } else {
            outcome = DeliveryStatus.FAILED;
        }
        Integer code = status;
        String err = error;
        Instant retry = next;
        tx.inTransaction(c -> {
            deliveries.recordAttempt(c, d.id(), n, started, code, err, ms, outcome, retry);
            return null;
        });
    }

    private static String shorten(String s) {
        return s == null ? "error" : s.length() > MAX_ERROR ? s.substring(0, MAX_ERROR) : s;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        senders.shutdownNow();
        owned.close();
    }
}
