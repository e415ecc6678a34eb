package com.arbdesk.alerts;

/** The alerts feature's tables, handed to {@link AlertService} together. */
public record AlertStore(AlertRuleDao rules, AlertFiringDao firings, WebhookDao webhooks, WebhookDeliveryDao deliveries) {
    public AlertStore() {
        this(new AlertRuleDao(), new AlertFiringDao(), new WebhookDao(), new WebhookDeliveryDao());
    }
}
