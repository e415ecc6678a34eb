package com.arbdesk.nowpayments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Reads the provider's currency lists, skipping entries that carry no ticker. */
final class CurrencyLists {

    private CurrencyLists() {
    }

    /** Lowercase tickers from a list of strings (or, tolerated, of {@code {currency}} objects). */
    static List<String> tickers(JsonNode list, String endpoint) {
        return map(list, e -> e.isTextual() && !e.asText().isBlank()
                ? e.asText().strip().toLowerCase(Locale.ROOT)
                : ProviderJson.ticker(e, "currency"), endpoint);
    }

    static <T> List<T> map(JsonNode list, Function<JsonNode, T> mapper, String endpoint) {
        if (list == null || !list.isArray()) {
            throw NowPaymentsException.unexpected(endpoint + " answered without a currency list");
        }
        List<T> out = new ArrayList<>(list.size());
        for (JsonNode entry : list) {
            T value = mapper.apply(entry);
            if (value != null) {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }
}
