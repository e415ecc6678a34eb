package com.arbdesk.nowpayments;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of {@code GET /full-currencies}: a coin with its network and address rules.
 *
 * @param code lowercased ticker (the provider sends it uppercase here, lowercase everywhere else)
 * @param precision decimals of the coin; null when not sent
 * @param extraIdExists true for memo/tag coins (XRP, XLM, ...) whose deposits need {@code payinExtraId}
 */
public record FullCurrency(
        String code,
        String name,
        String network,
        boolean enabled,
        Integer precision,
        boolean extraIdExists,
        String walletRegex) {

    /** Maps one entry; null when it carries no code. */
    static FullCurrency from(JsonNode n) {
        String code = ProviderJson.ticker(n, "code");
        if (code == null) {
            return null;
        }
        return new FullCurrency(code, ProviderJson.text(n, "name"), ProviderJson.text(n, "network"),
                ProviderJson.flag(n, "enable"), ProviderJson.integer(n, "precision"),
                ProviderJson.flag(n, "extra_id_exists"), ProviderJson.text(n, "wallet_regex"));
    }
}
