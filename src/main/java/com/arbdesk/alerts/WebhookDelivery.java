package com.arbdesk.alerts;

import java.time.Instant;
import java.util.List;

/** One webhook delivery and its state; {@code attemptLog} is filled when listed for the delivery log. */
public record WebhookDelivery(long id, long userId, Long firingId, Long redeliveryOf, String deliveryUid, String url, String body,
                              DeliveryStatus status, int attempts, Instant nextAttemptAt, Integer lastStatusCode,
                              String lastError, Instant createdAt, Instant updatedAt, List<Attempt> attemptLog) {

    /** One try: when, the HTTP status (null when none came back), the error, how long it took. */
    public record Attempt(int attempt, Instant at, Integer statusCode, String error, long durationMs) {
    }

    WebhookDelivery withAttempts(List<Attempt> log) {
        return new WebhookDelivery(id, userId, firingId, redeliveryOf, deliveryUid, url, body, status, attempts, nextAttemptAt,
                lastStatusCode, lastError, createdAt, updatedAt, List.copyOf(log));
    }
}
