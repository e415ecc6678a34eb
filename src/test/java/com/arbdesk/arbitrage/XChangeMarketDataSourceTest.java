package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live source against loopback stubs speaking Binance's and Kraken's real public order-book API. */
class XChangeMarketDataSourceTest {
    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    private static final String BINANCE_DEPTH = """
            {"lastUpdateId":1027024,
             "bids":[["64000.10","0.50000000"],["63999.00","1.25"]],
             "asks":[["64001.20","0.3"],["64002.00","2.00000000"]]}""";
    private static final String KRAKEN_DEPTH = """
            {"error":[],"result":{"XBTUSDT":{
             "asks":[["64010.0","0.400",1700000000],["64011.5","1.000",1700000001]],
             "bids":[["64005.1","0.250",1700000000],["64004.0","3.000",1700000002]]}}}""";

    private StubExchangeServer binance;
    private StubExchangeServer kraken;
    private XChangeMarketDataSource source;

    @BeforeEach
    void start() throws IOException {
        binance = new StubExchangeServer();
        kraken = new StubExchangeServer();
        binance.answer(200, BINANCE_DEPTH);
        kraken.answer(200, KRAKEN_DEPTH);
        source = new XChangeMarketDataSource(
                Map.of("binance", binance.baseUri(), "kraken", kraken.baseUri()),
                Duration.ofSeconds(10), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        source.close();
        binance.close();
        kraken.close();
    }

    @Test
    void nothingIsCalledBeforeTheFirstFetch() {
        assertEquals("live", source.name());
        assertTrue(source.health().isEmpty());
        assertEquals(List.of(), binance.requests());
        assertEquals(List.of(), kraken.requests());
    }

    @Test
    void readsBothExchangesWithExactPricesBestFirst() {
        Map<String, OrderBook> books = byExchange(source.fetch(List.of("binance", "kraken"), List.of("BTC/USDT")));

        OrderBook b = books.get("binance");
        assertEquals("BTC/USDT", b.pair());
        assertEquals(List.of(level("64000.10", "0.50000000"), level("63999.00", "1.25")), b.bids());
        assertEquals(List.of(level("64001.20", "0.3"), level("64002.00", "2.00000000")), b.asks());
        assertEquals(NOW, b.receivedAt());

        OrderBook k = books.get("kraken");
        assertEquals(List.of(level("64005.1", "0.250"), level("64004.0", "3.000")), k.bids());
        assertEquals(List.of(level("64010.0", "0.400"), level("64011.5", "1.000")), k.asks());
        assertEquals(NOW, k.receivedAt());

        assertEquals(List.of("GET /api/v3/depth?symbol=BTCUSDT&limit=50"), binance.requests());
        assertEquals(List.of("GET /0/public/Depth?pair=XBTUSDT&count=50"), kraken.requests());
        ExchangeHealth health = source.health().get("binance");
        assertTrue(health.healthy());
        assertEquals(NOW, health.lastSuccess());
        assertEquals(0, health.errors());
        assertTrue(source.health().get("kraken").healthy());
    }

    @Test
    void keepsTheBestFiftyLevelsOfEachSide() {
        String bids = IntStream.range(0, 60).mapToObj(i -> "[\"" + (100 + i) + ".5\",\"1\"]").collect(Collectors.joining(","));
        String asks = IntStream.range(0, 60).mapToObj(i -> "[\"" + (300 - i) + ".5\",\"1\"]").collect(Collectors.joining(","));
        binance.answer(200, "{\"lastUpdateId\":1,\"bids\":[" + bids + "],\"asks\":[" + asks + "]}");

        OrderBook book = source.fetch(List.of("binance"), List.of("BTC/USDT")).get(0);

        assertEquals(50, book.bids().size());
        assertEquals(new BigDecimal("159.5"), book.bids().get(0).price());
        assertEquals(new BigDecimal("110.5"), book.bids().get(49).price());
        assertEquals(50, book.asks().size());
        assertEquals(new BigDecimal("241.5"), book.asks().get(0).price());
        assertEquals(new BigDecimal("290.5"), book.asks().get(49).price());
    }

    @Test
    void anExchangeAnswering500IsMarkedUnhealthyAndSkipped() {
        binance.answer(500, "{\"code\":-1000,\"msg\":\"An unknown error occurred\"}");

        List<OrderBook> books = source.fetch(List.of("binance", "kraken"), List.of("BTC/USDT"));

        assertEquals(List.of("kraken"), books.stream().map(OrderBook::exchange).toList());
        ExchangeHealth health = source.health().get("binance");
        assertFalse(health.healthy());
        assertEquals(1, health.errors());
        assertNull(health.lastSuccess());
        assertTrue(health.lastError().startsWith("BTC/USDT: "), health.lastError());
        assertTrue(source.health().get("kraken").healthy());
    }

    @Test
    void anExchangeThatNeverAnswersIsCutOffAtTheTimeout() {
        // A short timeout, warmed up first: the very first fetch also pays for loading XChange's classes.
        try (XChangeMarketDataSource quick = new XChangeMarketDataSource(
                Map.of("binance", binance.baseUri(), "kraken", kraken.baseUri()),
                Duration.ofMillis(800), Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertEquals(2, quick.fetch(List.of("binance", "kraken"), List.of("BTC/USDT")).size());
            binance.hang();

            long started = System.nanoTime();
            List<OrderBook> books = quick.fetch(List.of("binance", "kraken"), List.of("BTC/USDT"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(took.compareTo(Duration.ofMillis(2000)) < 0, "fetch took " + took);
            assertEquals(List.of("kraken"), books.stream().map(OrderBook::exchange).toList());
            ExchangeHealth health = quick.health().get("binance");
            assertFalse(health.healthy());
            assertEquals(NOW, health.lastSuccess());
            assertTrue(health.lastError().contains("no answer within 800 ms"), health.lastError());
            assertEquals(Duration.ofMillis(800), health.lastLatency());
        }
    }

    @Test
    void aKrakenErrorAnswerAndAnUnsupportedExchangeAreUnhealthy() {
        kraken.answer(200, "{\"error\":[\"EQuery:Unknown asset pair\"]}");

        List<OrderBook> books = source.fetch(List.of("kraken", "bybit", "binance"), List.of("BTC/USDT"));

        assertEquals(List.of("binance"), books.stream().map(OrderBook::exchange).toList());
        assertTrue(source.health().get("kraken").lastError().contains("EQuery:Unknown asset pair"),
                source.health().get("kraken").lastError());
        assertTrue(source.health().get("bybit").lastError().contains("not supported"));
    }

    @Test
    void anExchangeRecoversAndKeepsItsErrorCount() {
        binance.answer(500, "{}");
        source.fetch(List.of("binance"), List.of("BTC/USDT"));
        binance.answer(200, BINANCE_DEPTH);

        assertEquals(1, source.fetch(List.of("binance"), List.of("BTC/USDT")).size());

        ExchangeHealth health = source.health().get("binance");
        assertTrue(health.healthy());
        assertEquals(1, health.errors());
        assertNull(health.lastError());
    }

    private static Map<String, OrderBook> byExchange(List<OrderBook> books) {
        return books.stream().collect(Collectors.toMap(OrderBook::exchange, b -> b));
    }

    private static Level level(String price, String amount) {
        return new Level(new BigDecimal(price), new BigDecimal(amount));
    }
}
