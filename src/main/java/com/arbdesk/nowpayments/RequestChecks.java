package com.arbdesk.nowpayments;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks on what we send, done before any request so a bad value never reaches the provider (or a
 * URL). Failures are {@link NowPaymentsException.Kind#INVALID_REQUEST} naming the field.
 */
final class RequestChecks {

    /** The provider refuses anything else ("currency_from must only contain alpha-numeric characters"). */
    private static final Pattern TICKER = Pattern.compile("[a-z0-9]{1,32}");
    /** Payment and invoice ids are decimal numbers ("Payment id must be a number"). */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

    private RequestChecks() {
    }

    /** A required ticker, lowercased. */
    static String ticker(String field, String value) {
        String t = optionalTicker(field, value);
        if (t == null) {
            throw NowPaymentsException.invalidRequest(field + " is required");
        }
        return t;
    }

    static String optionalTicker(String field, String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip().toLowerCase(Locale.ROOT);
        if (!TICKER.matcher(t).matches()) {
            throw NowPaymentsException.invalidRequest(field + " must be a ticker of letters and digits");
        }
        return t;
    }

    static String digits(String field, String value) {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw NowPaymentsException.invalidRequest(field + " must be a number (digits only)");
        }
        return value;
    }

    static BigDecimal positive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw NowPaymentsException.invalidRequest(field + " must be greater than zero");
        }
        return value;
    }

    static BigDecimal optionalPositive(String field, BigDecimal value) {
        return value == null ? null : positive(field, value);
    }

    /** The provider requires absolute http(s) URLs for callbacks and redirects. */
    static String optionalUrl(String field, String value) {
        if (value != null && !(value.startsWith("https://") || value.startsWith("http://"))) {
            throw NowPaymentsException.invalidRequest(field + " must be an http or https URL");
        }
        return value;
    }
}
