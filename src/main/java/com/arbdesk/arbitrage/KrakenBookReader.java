package com.arbdesk.arbitrage;

import java.io.IOException;
import java.util.Map;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.exceptions.ExchangeException;
import org.knowm.xchange.kraken.Kraken;
import org.knowm.xchange.kraken.KrakenAdapters;
import org.knowm.xchange.kraken.dto.marketdata.KrakenDepth;
import org.knowm.xchange.kraken.dto.marketdata.results.KrakenDepthResult;

/**
 * Kraken's Depth call made through XChange's own REST proxy and adapter. XChange's Kraken market
 * data service only knows pair names after its remote metadata load (two extra calls at start-up),
 * so we name the pair ourselves and read the single book in the answer, whatever key Kraken gives it.
 */
final class KrakenBookReader implements BookReader {
    private final Kraken kraken;
    private final int depth;

    KrakenBookReader(ExchangeSpecification spec, int depth) {
        this.kraken = ExchangeRestProxyBuilder.forInterface(Kraken.class, spec).build();
        this.depth = depth;
    }

    @Override
    public org.knowm.xchange.dto.marketdata.OrderBook read(CurrencyPair pair) throws IOException {
        KrakenDepthResult answer = kraken.getDepth(krakenPair(pair), depth);
        if (!answer.isSuccess()) {
            throw new ExchangeException("Kraken: " + String.join(", ", answer.getError()));
        }
        Map<String, KrakenDepth> books = answer.getResult();
        if (books == null || books.size() != 1) {
            throw new ExchangeException("Kraken: expected one book for " + pair + ", got " + (books == null ? 0 : books.size()));
        }
        return KrakenAdapters.adaptOrderBook(books.values().iterator().next(), pair);
    }

    /** Kraken's altname: BTC is XBT and DOGE is XDG there (BTC/USDT -> XBTUSDT). */
    static String krakenPair(CurrencyPair pair) {
        return krakenAsset(pair.getBase().getCurrencyCode()) + krakenAsset(pair.getCounter().getCurrencyCode());
    }

    private static String krakenAsset(String code) {
        return switch (code) {
            case "BTC" -> "XBT";
            case "DOGE" -> "XDG";
            default -> code;
        };
    }
}
