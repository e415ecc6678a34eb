package com.arbdesk.arbitrage;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.bitstamp.BitstampExchange;
import org.knowm.xchange.instrument.Instrument;
import org.knowm.xchange.kraken.KrakenExchange;
import org.knowm.xchange.kucoin.KucoinExchange;
import org.knowm.xchange.okex.OkexExchange;

/**
 * ArbDesk exchange names mapped to XChange exchange classes, and how each is built: keyless, with no
 * remote metadata load (XChange would otherwise call the exchange while constructing it), bounded
 * HTTP timeouts and an optional base URI override (tests point it at a loopback stub).
 */
final class XChangeExchanges {
    /** Bybit and Coinbase are left out: their XChange 5.2.1 modules cannot read an order book. */
    private static final Map<String, Class<? extends Exchange>> CLASSES = Map.of(
            "binance", BinanceExchange.class,
            "kraken", KrakenExchange.class,
            "kucoin", KucoinExchange.class,
            "okx", OkexExchange.class,
            "bitstamp", BitstampExchange.class);

    private final Map<String, String> baseUriOverrides;
    private final Duration httpTimeout;
    private final int depth;

    XChangeExchanges(Map<String, String> baseUriOverrides, Duration httpTimeout, int depth) {
        this.baseUriOverrides = Map.copyOf(baseUriOverrides);
        this.httpTimeout = httpTimeout;
        this.depth = depth;
    }

    static Set<String> supported() {
        return CLASSES.keySet();
    }

    /**
     * Creates the exchange and its reader. Makes no network call. The CurrencyPair overload of
     * getOrderBook is deprecated in 5.2.1, but it is the one Binance, KuCoin and Bitstamp implement.
     */
    @SuppressWarnings("deprecation")
    BookReader create(String name) {
        Exchange exchange = exchange(name);
        if (exchange instanceof KrakenExchange) {
            return new KrakenBookReader(exchange.getExchangeSpecification(), depth);
        }
        if (exchange instanceof OkexExchange) {
            // XChange's OKX only implements the Instrument overload; the CurrencyPair one throws NotYetImplemented.
            return pair -> exchange.getMarketDataService().getOrderBook((Instrument) pair);
        }
        // Binance reads its first argument as the depth limit; the others take their default depth.
        Object[] args = exchange instanceof BinanceExchange ? new Object[] {depth} : new Object[0];
        return pair -> exchange.getMarketDataService().getOrderBook(pair, args);
    }

    /** The XChange exchange of that name, keyless and built without a network call. */
    Exchange exchange(String name) {
        Class<? extends Exchange> exchangeClass = CLASSES.get(name);
        if (exchangeClass == null) {
            throw new IllegalArgumentException("exchange not supported by the live source: " + name);
        }
        return ExchangeFactory.INSTANCE.createExchange(specification(name, exchangeClass));
    }

    private ExchangeSpecification specification(String name, Class<? extends Exchange> exchangeClass) {
        ExchangeSpecification spec = new ExchangeSpecification(exchangeClass);
        spec.setShouldLoadRemoteMetaData(false);
        int timeoutMillis = Math.toIntExact(httpTimeout.toMillis());
        spec.setHttpConnTimeout(timeoutMillis);
        spec.setHttpReadTimeout(timeoutMillis);
        String override = baseUriOverrides.get(name);
        if (override != null) {
            URI uri = URI.create(override);
            spec.setSslUri(override);
            spec.setPlainTextUri(override);
            spec.setHost(uri.getHost());
            spec.setPort(uri.getPort());
        }
        return spec;
    }
}
