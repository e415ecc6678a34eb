package com.arbdesk.nowpayments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One page of {@code GET /payment/}; {@code page} is 0-based and runs to {@code pagesCount - 1}. */
public record PaymentPage(List<Payment> data, int limit, int page, int pagesCount, long total) {

    public PaymentPage {
        data = List.copyOf(data);
    }

    public boolean hasNext() {
        return page + 1 < pagesCount;
    }

    /** Maps {@code {"data":[...],"limit":10,"page":0,"pagesCount":582,"total":5815}}. */
    static PaymentPage from(JsonNode n) {
        JsonNode items = n.get("data");
        if (items == null || !items.isArray()) {
            throw NowPaymentsException.unexpected("payment list without a data array");
        }
        List<Payment> payments = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            payments.add(Payment.from(item, ProviderJson.write(item)));
        }
        return new PaymentPage(payments, number(n, "limit"), number(n, "page"), number(n, "pagesCount"),
                total(n));
    }

    private static int number(JsonNode n, String field) {
        Integer v = ProviderJson.integer(n, field);
        return v == null ? 0 : v;
    }

    private static long total(JsonNode n) {
        JsonNode v = n.get("total");
        return v != null && v.canConvertToLong() ? v.longValue() : 0L;
    }
}
