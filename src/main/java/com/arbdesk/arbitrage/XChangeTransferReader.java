package com.arbdesk.arbitrage;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.currency.Currency;
import org.knowm.xchange.kucoin.KucoinMarketDataServiceRaw;
import org.knowm.xchange.kucoin.dto.response.CurrencyResponseV2;

/**
 * Transfer status through XChange 5.2.1, public endpoints only. Of the exchanges watched, only KuCoin answers
 * per network without keys (GET /api/v2/currencies/{asset}: each chain's deposit and withdrawal switch, minimum
 * fee and size). Binance's capital config, OKX's asset currencies and Bitstamp's fees need an API key, and
 * Kraken's public asset list has no network detail: those stay on the default table.
 */
final class XChangeTransferReader implements TransferStatusReader {
    /** KuCoin's chain names and ids mapped onto the coin catalogue's network codes; other chains are ignored. */
    private static final Map<String, String> CHAINS = Map.ofEntries(
            Map.entry("BTC", "BTC"), Map.entry("BITCOIN", "BTC"),
            Map.entry("ERC20", "ERC20"), Map.entry("ETH", "ERC20"),
            Map.entry("TRC20", "TRC20"), Map.entry("TRX", "TRC20"),
            Map.entry("BEP20", "BSC"), Map.entry("BSC", "BSC"),
            Map.entry("MATIC", "POLYGON"), Map.entry("POLYGON", "POLYGON"), Map.entry("POLYGON POS", "POLYGON"),
            Map.entry("SOL", "SOL"), Map.entry("SOLANA", "SOL"),
            Map.entry("XRP", "XRP"), Map.entry("TON", "TON"));

    private final XChangeExchanges exchanges;
    private final Map<String, Exchange> built = new ConcurrentHashMap<>();

    XChangeTransferReader(XChangeExchanges exchanges) {
        this.exchanges = exchanges;
    }

    @Override
    public Optional<List<TransferStatus>> read(String exchange, String asset) throws IOException {
        if (!exchange.equalsIgnoreCase("kucoin")) {
            return Optional.empty();
        }
        Exchange kucoin = built.computeIfAbsent("kucoin", exchanges::exchange);
        CurrencyResponseV2 answer = ((KucoinMarketDataServiceRaw) kucoin.getMarketDataService())
                .getKucoinCurrencies(new Currency(asset.toUpperCase(Locale.ROOT)));
        return Optional.of(kucoin(asset, answer));
    }

    static List<TransferStatus> kucoin(String asset, CurrencyResponseV2 answer) {
        List<TransferStatus> rows = new ArrayList<>();
        if (answer == null || answer.getChains() == null) {
            return rows;
        }
        for (CurrencyResponseV2.Chain chain : answer.getChains()) {
            String network = network(chain);
            if (network != null && rows.stream().noneMatch(r -> r.network().equals(network))) {
                rows.add(new TransferStatus("kucoin", asset, network, Boolean.TRUE.equals(chain.getIsDepositEnabled()),
                        Boolean.TRUE.equals(chain.getIsWithdrawEnabled()), nonNegative(chain.getWithdrawalMinFee()),
                        nonNegative(chain.getWithdrawalMinSize()), TransferStatus.Origin.EXCHANGE));
            }
        }
        return rows;
    }

    private static String network(CurrencyResponseV2.Chain chain) {
        String n = network(chain.getChainName());
        return n != null ? n : network(chain.getChain());
    }

    private static String network(String name) {
        return name == null ? null : CHAINS.get(name.trim().toUpperCase(Locale.ROOT));
    }

    private static BigDecimal nonNegative(BigDecimal v) {
        return v == null || v.signum() < 0 ? null : v;
    }
}
