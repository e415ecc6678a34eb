package com.arbdesk.web.api;

import com.arbdesk.alerts.AlertFiring;
import com.arbdesk.alerts.AlertRule;
import com.arbdesk.alerts.AlertService;
import com.arbdesk.alerts.WebhookDao;
import com.arbdesk.alerts.WebhookDelivery;
import java.time.Instant;
import java.util.List;

/** The wire shapes of /api/alerts: decimals as strings, times as ISO-8601. */
public final class AlertsDtos {
    private AlertsDtos() {
    }

    /** A rule; null pair or exchange means any. */
    public record RuleView(long id, String pair, String buyExchange, String sellExchange, String sizeUsd, String minNetPct,
                           long minDurationSeconds, boolean enabled, Instant createdAt, Instant updatedAt) {
        static RuleView of(AlertRule r) {
            return new RuleView(r.id(), r.pair(), r.buyExchange(), r.sellExchange(), r.sizeUsd().toPlainString(),
                    r.minNetPct().toPlainString(), r.minDuration().toSeconds(), r.enabled(), r.createdAt(), r.updatedAt());
        }
    }

    /** The caller's rules and what a rule may name. */
    public record RulesResponse(List<RuleView> rules, int maxRules, List<String> pairs, List<String> exchanges,
                                List<String> sizesUsd) {
        static RulesResponse of(AlertService.Choices c, List<AlertRule> rules) {
            return new RulesResponse(rules.stream().map(RuleView::of).toList(), c.maxRules(), c.pairs(), c.exchanges(), c.sizesUsd());
        }
    }

    public record FiringView(long id, Long ruleId, String pair, String buyExchange, String sellExchange, String sizeUsd,
                             String netPct, String minNetPct, long heldSeconds, Instant firedAt, boolean seen) {
        static FiringView of(AlertFiring f) {
            return new FiringView(f.id(), f.ruleId(), f.pair(), f.buyExchange(), f.sellExchange(), f.sizeUsd().toPlainString(),
                    f.netPct().toPlainString(), f.minNetPct().toPlainString(), f.heldSeconds(), f.firedAt(), f.seenAt() != null);
        }
    }

    public record FiringsResponse(long unread, List<FiringView> firings) {
        static FiringsResponse of(AlertService.Firings f) {
            return new FiringsResponse(f.unread(), f.firings().stream().map(FiringView::of).toList());
        }
    }

    public record WebhookRequest(String url) {
    }

    /** The webhook URL (null: none) and its signing secret (null until one was made), for its owner only. */
    public record WebhookView(String url, String secret) {
        static WebhookView of(WebhookDao.Webhook w) {
            return w == null ? new WebhookView(null, null) : new WebhookView(w.url(), w.secret());
        }
    }

    public record AttemptView(int attempt, Instant at, Integer statusCode, String error, long durationMs) {
        static AttemptView of(WebhookDelivery.Attempt a) {
            return new AttemptView(a.attempt(), a.at(), a.statusCode(), a.error(), a.durationMs());
        }
    }

    /** One delivery of the log; {@code delivery_id} is the X-ArbDesk-Delivery header the receiver saw. */
    public record DeliveryView(long id, String deliveryId, Long firingId, Long redeliveryOf, String url, String status,
                               int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt,
                               List<AttemptView> attemptLog) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id(), d.deliveryUid(), d.firingId(), d.redeliveryOf(), d.url(), d.status().wire(),
                    d.attempts(), d.nextAttemptAt(), d.lastStatusCode(), d.lastError(), d.createdAt(),
                    d.attemptLog().stream().map(AttemptView::of).toList());
        }
    }
}
