package com.arbdesk.arbitrage;

import com.arbdesk.config.AppConfig;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Turns the arbitrage settings of the configuration into the engine's settings: configured fees over the defaults. */
public final class ArbitrageSettings {
    private ArbitrageSettings() {
    }

    public static HistoryRetention retention(AppConfig.Arbitrage a) {
        return new HistoryRetention(a.history().full(), a.history().minutes(), a.history().hours());
    }

    public static ArbitrageService.Settings of(AppConfig.Arbitrage a) {
        EngineSettings defaults = EngineSettings.defaults();
        Fees fees = Fees.defaults();
        Map<String, BigDecimal> taker = new HashMap<>(fees.takerFeeRate());
        taker.putAll(a.takerFees());
        Map<String, BigDecimal> withdrawal = new HashMap<>(fees.withdrawalFee());
        // fees may be given per asset ("USDC=1") or per asset and network ("USDC@SOL=0.1"); a transfer takes the
        // cheapest network configured for the asset
        Map<String, BigDecimal> configured = new HashMap<>();
        a.withdrawalFees().forEach((key, fee) -> configured.merge(key.contains("@") ? key.substring(0, key.indexOf('@')) : key,
                fee, BigDecimal::min));
        withdrawal.putAll(configured);
        // what the operator set explicitly wins over a network's fee from the transfer table or the exchange
        Map<String, BigDecimal> explicit = new HashMap<>();
        a.withdrawalFees().forEach((key, fee) -> explicit.put(key.toUpperCase(java.util.Locale.ROOT), fee));
        return new ArbitrageService.Settings(a.exchanges(), a.pairs(), a.poll(),
                new EngineSettings(a.maxQuoteAge(), a.maxSpreadPct(), defaults.sizesUsd()),
                new Fees(taker, fees.defaultTakerFeeRate(), withdrawal, explicit));
    }
}
