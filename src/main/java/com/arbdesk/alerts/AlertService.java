package com.arbdesk.alerts;

import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.arbitrage.Opportunity;
import com.arbdesk.auth.RateLimiter;
import com.arbdesk.config.AppConfig;
import com.arbdesk.core.Background;
import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import com.arbdesk.core.db.Tx;
import com.arbdesk.core.events.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Alert rules, their firings and the user's webhook. After each arbitrage poll {@link #onRound} asks the
 * {@link AlertMatcher} what fires, and records each firing in one transaction with its live event (through
 * {@link AlertFired}) and, when the user set a webhook, its delivery row; the {@link WebhookSender} posts it
 * after the commit. Rules per user are capped; rule and webhook changes are rate-limited per user.
 */
public final class AlertService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AlertService.class.getName());
    /** Firings and finished deliveries are kept this long. */
    public static final Duration KEEP = Duration.ofDays(30);
    private final ScheduledExecutorService housekeeping = Background.singleThread("alert-housekeeping");
    private final Tx tx;
    private final AlertStore store;
    private final AlertMatcher matcher;
    private final RateLimiter changes;
    private final AppConfig.Alerts settings;
    private final WebhookUrls urls;
    private final ArbitrageService.Settings watched;
    private final EventBus events;
    private final WebhookSender sender;
    private final Clock clock;

    public AlertService(Tx tx, AlertStore store, AppConfig.Alerts settings, WebhookUrls urls, ArbitrageService.Settings watched,
                        EventBus events, WebhookSender sender, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.settings = settings;
        this.matcher = new AlertMatcher(settings.cooldown(), settings.firingsPerUserPerMinute());
        this.changes = new RateLimiter(settings.changesPerUserPerMinute(), Duration.ofMinutes(1), RateLimiter.DEFAULT_MAX_KEYS, clock);
        this.urls = urls;
        this.watched = watched;
        this.events = events;
        this.sender = sender;
        this.clock = clock;
    }

    /** What a rule form can choose from. */
    public record Choices(List<String> pairs, List<String> exchanges, List<String> sizesUsd, int maxRules) {
    }

    public Choices choices() {
        return new Choices(watched.pairs(), watched.exchanges(),
                watched.engine().sizesUsd().stream().map(s -> s.stripTrailingZeros().toPlainString()).toList(), settings.rulesPerUser());
    }

    public List<AlertRule> rules(long userId) {
        return tx.read(c -> store.rules().byUser(c, userId));
    }

    public AlertRule create(long userId, AlertRequests.Input in) {
        AlertRuleDao.Fields f = AlertRequests.check(in, watched);
        throttle(userId);
        return tx.inTransaction(c -> {
            if (store.rules().count(c, userId) >= settings.rulesPerUser()) {
                throw new Failure(FailureCode.CONFLICT, "You have " + settings.rulesPerUser()
                        + " alert rules, the most allowed: delete one first", "rules", null);
            }
            long id = store.rules().insert(c, userId, f, clock.instant());
            return store.rules().find(c, userId, id).orElseThrow();
        });
    }

    public AlertRule update(long userId, long id, AlertRequests.Input in) {
        AlertRuleDao.Fields f = AlertRequests.check(in, watched);
        throttle(userId);
        return tx.inTransaction(c -> {
            if (!store.rules().update(c, userId, id, f, clock.instant())) {
                throw Failure.notFound("Alert rule");
            }
            return store.rules().find(c, userId, id).orElseThrow();
        });
    }

    public void delete(long userId, long id) {
        throttle(userId);
        tx.inTransaction(c -> {
            if (!store.rules().delete(c, userId, id)) {
                throw Failure.notFound("Alert rule");
            }
            return null;
        });
    }

    /** The newest firings and how many are unread. */
    public record Firings(long unread, List<AlertFiring> firings) {
    }

    public Firings firings(long userId, int limit) {
        return tx.read(c -> new Firings(store.firings().unread(c, userId), store.firings().recent(c, userId, limit)));
    }

    /** Firings the user has not looked at yet: the header badge. */
    public long unread(long userId) {
        return tx.read(c -> store.firings().unread(c, userId));
    }

    /** Marks every firing seen (the badge clears); returns how many were unread. */
    public int markSeen(long userId) {
        return tx.inTransaction(c -> store.firings().markSeen(c, userId, clock.instant()));
    }

    public Optional<WebhookDao.Webhook> webhook(long userId) {
        return tx.read(c -> store.webhooks().find(c, userId));
    }

    /** Sets (or with a blank url, removes) the webhook URL; the first time, a signing secret is made. */
    public WebhookDao.Webhook setWebhook(long userId, String rawUrl) {
        String url = rawUrl == null || rawUrl.isBlank() ? null : urls.check(rawUrl).toString();
        throttle(userId);
        return tx.inTransaction(c -> {
            Instant now = clock.instant();
            if (store.webhooks().find(c, userId).isEmpty()) {
                store.webhooks().insert(c, userId, url, WebhookSigner.newSecret(), now);
            } else {
                store.webhooks().setUrl(c, userId, url, now);
            }
            return store.webhooks().find(c, userId).orElseThrow();
        });
    }

    /** A new signing secret: deliveries from now on are signed with it. */
    public WebhookDao.Webhook rotateSecret(long userId) {
        throttle(userId);
        return tx.inTransaction(c -> {
            Instant now = clock.instant();
            String secret = WebhookSigner.newSecret();
            if (store.webhooks().find(c, userId).isEmpty()) {
                store.webhooks().insert(c, userId, null, secret, now);
            } else {
                store.webhooks().setSecret(c, userId, secret, now);
            }
            return store.webhooks().find(c, userId).orElseThrow();
        });
    }

    public List<WebhookDelivery> deliveries(long userId, int limit) {
        return tx.read(c -> store.deliveries().recent(c, userId, limit));
    }

    /** Posts a delivery's body again, as a new delivery (new id, fresh attempts) to the current webhook URL. */
    public WebhookDelivery redeliver(long userId, long deliveryId) {
        throttle(userId);
        WebhookDelivery copy = tx.inTransaction(c -> {
            WebhookDelivery d = store.deliveries().find(c, userId, deliveryId).orElseThrow(() -> Failure.notFound("Delivery"));
            String url = store.webhooks().find(c, userId).map(WebhookDao.Webhook::url)
                    .orElseThrow(() -> new Failure(FailureCode.CONFLICT, "Set a webhook URL first", "url", null));
            if (url == null) {
                throw new Failure(FailureCode.CONFLICT, "Set a webhook URL first", "url", null);
            }
            long id = store.deliveries().insert(c, userId, d.firingId(), d.id(), java.util.UUID.randomUUID().toString(), url,
                    d.body(), clock.instant());
            Tx.afterCommit(sender::wake);
            return store.deliveries().find(c, userId, id).orElseThrow();
        });
        return copy;
    }

    /**
     * The arbitrage poller's hook: evaluates every enabled rule against the poll and records what fires.
     * Synchronized: a request that finds no snapshot yet runs a round on its own thread, and the matcher is not thread-safe.
     */
    public synchronized void onRound(Instant at, List<Opportunity> opportunities) {
        List<AlertRule> enabled = tx.read(store.rules()::enabled);
        for (AlertMatcher.Fire f : matcher.round(at, enabled, opportunities)) {
            record(f, at);
        }
    }

    private void record(AlertMatcher.Fire f, Instant at) {
        tx.inTransaction(c -> {
            long userId = f.rule().userId();
            long id = store.firings().insert(c, f, at);
            AlertFiring firing = store.firings().recent(c, userId, 1).get(0);
            events.publish(new AlertFired(firing, store.firings().unread(c, userId)));
            Optional<WebhookDao.Webhook> hook = store.webhooks().find(c, userId);
            if (hook.isPresent() && hook.get().url() != null) {
                String uid = java.util.UUID.randomUUID().toString();
                store.deliveries().insert(c, userId, id, null, uid, hook.get().url(), WebhookPayload.of(uid, firing), at);
                Tx.afterCommit(sender::wake);
            }
            return null;
        });
    }

    /** Prunes the log hourly (firings and finished deliveries older than {@link #KEEP}). */
    public void start() {
        housekeeping.scheduleWithFixedDelay(this::pruneQuietly, 1, 60, TimeUnit.MINUTES);
    }

    /** Deletes firings and finished deliveries older than {@link #KEEP}; returns how many rows went. */
    public int prune() {
        Instant cut = clock.instant().minus(KEEP);
        return tx.inTransaction(c -> store.deliveries().pruneBefore(c, cut) + store.firings().pruneBefore(c, cut));
    }

    private void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            // a background loop: log and try again in an hour
            LOG.log(Level.WARNING, "pruning the alert log failed", e);
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
    }

    private void throttle(long userId) {
        Optional<Duration> wait = changes.tryAcquire("alerts:" + userId);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new Failure(FailureCode.TOO_MANY_REQUESTS, "Too many alert changes. Try again in " + seconds + " s", null, seconds);
        }
    }
}
