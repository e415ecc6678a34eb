package com.arbdesk.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON body a webhook receives for a firing, stored once and sent byte for byte on every attempt (the
 * signature covers those bytes). Spreads and sizes are decimal strings.
 */
final class WebhookPayload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayload() {
    }

    static String of(String deliveryUid, AlertFiring f) {
        ObjectNode root = JSON.createObjectNode().put("id", deliveryUid).put("type", WebhookSender.EVENT)
                .put("created_at", f.firedAt().toString());
        ObjectNode data = root.putObject("data");
        data.put("firing_id", f.id());
        if (f.ruleId() != null) {
            data.put("rule_id", f.ruleId());
        }
        data.put("pair", f.pair()).put("buy_exchange", f.buyExchange()).put("sell_exchange", f.sellExchange())
                .put("size_usd", f.sizeUsd().toPlainString()).put("net_pct", f.netPct().toPlainString())
                .put("min_net_pct", f.minNetPct().toPlainString()).put("held_seconds", f.heldSeconds())
                .put("fired_at", f.firedAt().toString());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
