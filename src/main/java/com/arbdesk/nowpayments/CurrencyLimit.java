package com.arbdesk.nowpayments;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A coin available at a fixed rate, with its limits in coin units. The limits are null when the
 * provider answers with a bare ticker list (the documented shape) instead of objects (the real one).
 */
public record CurrencyLimit(String currency, BigDecimal minAmount, BigDecimal maxAmount) {

    /** Maps either a bare ticker string or a {@code {currency,min_amount,max_amount}} object; null if neither. */
    static CurrencyLimit from(JsonNode entry) {
        if (entry.isTextual()) {
            return new CurrencyLimit(entry.asText().toLowerCase(Locale.ROOT), null, null);
        }
        String currency = ProviderJson.ticker(entry, "currency");
        if (currency == null) {
            return null;
        }
        return new CurrencyLimit(currency, ProviderJson.decimal(entry, "min_amount"),
                ProviderJson.decimal(entry, "max_amount"));
    }
}
