package com.arbdesk.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The provider's JSON shapes, field for field and type for type: payment_id is a string when a
 * payment is created and a number when it is read or reported by IPN, an invoice's price_amount is
 * a string, IPN bodies come in the provider's (unsorted) wire order with updated_at in epoch millis.
 */
final class SandboxJson {
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private SandboxJson() {
    }

    /** Numbers as JavaScript would print them: no trailing zeros, never an exponent. */
    static BigDecimal num(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }

    static ObjectNode created(SandboxPayment p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("payment_id", Long.toString(p.id));
        n.put("payment_status", p.status);
        n.put("pay_address", p.payAddress);
        n.put("price_amount", num(p.priceAmount));
        n.put("price_currency", p.priceCurrency);
        n.put("pay_amount", num(p.payAmount));
        n.put("amount_received", num(p.coin.toUsd(p.payAmount).multiply(new BigDecimal("0.995")).setScale(6, RoundingMode.DOWN)));
        n.put("pay_currency", p.coin.ticker());
        n.put("order_id", p.orderId);
        n.put("order_description", p.orderDescription);
        n.put("payin_extra_id", p.payinExtraId);
        n.put("ipn_callback_url", p.ipnCallbackUrl);
        n.putNull("customer_email");
        n.put("created_at", p.createdAt.toString());
        n.put("updated_at", p.updatedAt.toString());
        n.put("purchase_id", Long.toString(p.purchaseId));
        n.putNull("smart_contract");
        n.put("network", p.coin.network());
        n.putNull("network_precision");
        n.putNull("time_limit");
        n.putNull("burning_percent");
        n.put("expiration_estimate_date", p.expiresAt.toString());
        n.put("is_fixed_rate", p.fixedRate);
        n.put("is_fee_paid_by_user", false);
        n.put("valid_until", p.validUntil.toString());
        n.put("type", "crypto2crypto");
        n.put("product", "api");
        return n;
    }

    static ObjectNode status(SandboxPayment p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("payment_id", p.id);
        if (p.invoiceId == null) {
            n.putNull("invoice_id");
        } else {
            n.put("invoice_id", p.invoiceId);
        }
        n.put("payment_status", p.status);
        n.put("pay_address", p.payAddress);
        n.put("payin_extra_id", p.payinExtraId);
        n.put("price_amount", num(p.priceAmount));
        n.put("price_currency", p.priceCurrency);
        n.put("pay_amount", num(p.payAmount));
        n.put("actually_paid", num(p.actuallyPaid));
        n.put("pay_currency", p.coin.ticker());
        n.put("order_id", p.orderId);
        n.put("order_description", p.orderDescription);
        n.put("purchase_id", p.purchaseId);
        if (p.actuallyPaid.signum() == 0) {
            n.putNull("outcome_amount");
        } else {
            n.put("outcome_amount", num(p.outcomeAmount()));
        }
        n.put("outcome_currency", p.coin.ticker());
        n.putNull("payout_hash");
        n.put("payin_hash", p.payinHash);
        n.put("created_at", p.createdAt.toString());
        n.put("updated_at", p.updatedAt.toString());
        n.put("burning_percent", "null");
        n.put("type", "crypto2crypto");
        if (p.parentPaymentId != null) {
            n.put("parent_payment_id", p.parentPaymentId);
            n.put("origin_type", "REPEATED");
        }
        if (!p.childIds.isEmpty()) {
            ArrayNode ids = n.putArray("payment_extra_ids");
            p.childIds.forEach(ids::add);
        }
        return n;
    }

    /** The IPN body in the provider's wire order (the 2023 captures), with the 2025 fee object last. */
    static byte[] ipn(SandboxPayment p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("payment_id", p.id);
        putNullable(n, "parent_payment_id", p.parentPaymentId);
        putNullable(n, "invoice_id", p.invoiceId);
        n.put("payment_status", p.status);
        n.put("pay_address", p.payAddress);
        n.put("payin_extra_id", p.payinExtraId);
        n.put("price_amount", num(p.priceAmount));
        n.put("price_currency", p.priceCurrency);
        n.put("pay_amount", num(p.payAmount));
        n.put("actually_paid", num(p.actuallyPaid));
        n.put("actually_paid_at_fiat", num(p.coin.toUsd(p.actuallyPaid)));
        n.put("pay_currency", p.coin.ticker());
        n.put("order_id", p.orderId);
        n.put("order_description", p.orderDescription);
        n.put("purchase_id", Long.toString(p.purchaseId));
        n.put("updated_at", p.updatedAt.toEpochMilli());
        n.put("outcome_amount", num(p.outcomeAmount()));
        n.put("outcome_currency", p.coin.ticker());
        if (p.childIds.isEmpty()) {
            n.putNull("payment_extra_ids");
        } else {
            ArrayNode ids = n.putArray("payment_extra_ids");
            p.childIds.forEach(ids::add);
        }
        ObjectNode fee = n.putObject("fee");
        fee.put("currency", p.coin.ticker());
        fee.put("depositFee", num(p.actuallyPaid.subtract(p.outcomeAmount())));
        fee.put("withdrawalFee", 0);
        fee.put("serviceFee", 0);
        return bytes(n);
    }

    static ObjectNode invoice(SandboxInvoice i, String invoiceUrl) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", Long.toString(i.id()));
        n.put("token_id", Long.toString(i.id() + 1_000_000L));
        n.put("order_id", i.orderId());
        n.put("order_description", i.orderDescription());
        n.put("price_amount", num(i.priceAmount()).toPlainString());
        n.put("price_currency", i.priceCurrency());
        n.put("pay_currency", i.payCurrency());
        n.put("ipn_callback_url", i.ipnCallbackUrl());
        n.put("invoice_url", invoiceUrl);
        n.put("success_url", i.successUrl());
        n.put("cancel_url", i.cancelUrl());
        n.putNull("partially_paid_url");
        n.putNull("payout_currency");
        n.put("created_at", i.createdAt().toString());
        n.put("updated_at", i.createdAt().toString());
        n.put("is_fixed_rate", i.fixedRate());
        n.put("is_fee_paid_by_user", i.feePaidByUser());
        return n;
    }

    static ObjectNode error(SandboxError e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("status", false);
        n.put("statusCode", e.status());
        n.put("code", e.code());
        n.put("message", e.getMessage());
        return n;
    }

    static byte[] bytes(ObjectNode n) {
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise sandbox JSON", e);
        }
    }

    private static void putNullable(ObjectNode n, String field, Long v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }
}
