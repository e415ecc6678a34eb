package com.arbdesk.nowpayments;

import java.time.Instant;
import java.util.Set;

/**
 * The filter of {@code GET /payment/}.
 *
 * @param limit page size, 1 to 500
 * @param page 0-based page number
 * @param invoiceId optional: only payments created from this invoice
 * @param sortBy optional field name (default created_at)
 * @param orderBy optional: asc (default) or desc
 * @param dateFrom optional lower bound of created_at
 * @param dateTo optional upper bound of created_at
 */
public record ListPaymentsQuery(
        int limit,
        int page,
        String invoiceId,
        String sortBy,
        String orderBy,
        Instant dateFrom,
        Instant dateTo) {

    private static final Set<String> SORT_FIELDS = Set.of("created_at", "payment_id", "payment_status",
            "pay_address", "price_amount", "price_currency", "pay_amount", "actually_paid", "pay_currency",
            "order_id", "order_description", "purchase_id", "outcome_amount", "outcome_currency");

    public ListPaymentsQuery {
        if (limit < 1 || limit > 500) {
            throw NowPaymentsException.invalidRequest("limit must be between 1 and 500");
        }
        if (page < 0) {
            throw NowPaymentsException.invalidRequest("page must be 0 or more");
        }
        if (invoiceId != null) {
            RequestChecks.digits("invoiceId", invoiceId);
        }
        if (sortBy != null && !SORT_FIELDS.contains(sortBy)) {
            throw NowPaymentsException.invalidRequest("sortBy must be one of " + SORT_FIELDS);
        }
        if (orderBy != null && !orderBy.equals("asc") && !orderBy.equals("desc")) {
            throw NowPaymentsException.invalidRequest("orderBy must be asc or desc");
        }
    }

    /** The payments created from one invoice, oldest first. */
    public static ListPaymentsQuery ofInvoice(String invoiceId, int limit) {
        return new ListPaymentsQuery(limit, 0, invoiceId, "created_at", "asc", null, null);
    }

    /** One page, newest first. */
    public static ListPaymentsQuery newestFirst(int limit, int page) {
        return new ListPaymentsQuery(limit, page, null, "created_at", "desc", null, null);
    }

    String toQueryString() {
        return QueryString.of("limit", String.valueOf(limit), "page", String.valueOf(page),
                "invoiceId", invoiceId, "sortBy", sortBy, "orderBy", orderBy,
                "dateFrom", dateFrom == null ? null : dateFrom.toString(),
                "dateTo", dateTo == null ? null : dateTo.toString());
    }
}
