package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Offline market data: a seeded random walk per pair, each exchange with its own spread and a small
 * mean-reverting offset, and now and then a dislocation on one exchange that opens an opportunity.
 * Deterministic for a seed and call sequence; all arithmetic in BigDecimal (integer basis-point steps).
 */
public final class SimulatedMarketDataSource implements MarketDataSource {
    private static final MathContext MC = new MathContext(20, RoundingMode.HALF_EVEN);
    private static final BigDecimal BP = new BigDecimal("0.0001");
    private static final Map<String, String> START = Map.of("BTC/USDT", "65000", "ETH/USDT", "3200", "ETH/BTC", "0.04923",
            "SOL/USDT", "150", "XRP/USDT", "0.62", "USDC/USDT", "1.0000");

    private final SplittableRandom random;
    private final Clock clock;
    private final Map<String, BigDecimal> mids = new HashMap<>();
    private final Map<String, Integer> offsetsBp = new HashMap<>();
    private final Map<String, Integer> dislocationTicks = new HashMap<>();
    private final Map<String, ExchangeHealth> health = new HashMap<>();

    public SimulatedMarketDataSource(long seed, Clock clock) {
        this.random = new SplittableRandom(seed);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public synchronized List<OrderBook> fetch(List<String> exchanges, List<String> pairs) {
        List<OrderBook> out = new ArrayList<>();
        for (String pair : pairs) {
            BigDecimal mid = mids.computeIfAbsent(pair, p -> new BigDecimal(START.getOrDefault(p, "100")));
            int stepBp = pair.startsWith("USDC/") ? random.nextInt(-1, 2) : random.nextInt(-8, 9);
            mid = mid.multiply(BigDecimal.ONE.add(BP.multiply(BigDecimal.valueOf(stepBp))), MC);
            mids.put(pair, mid);
            for (String exchange : exchanges) {
                out.add(book(exchange, pair, mid));
            }
        }
        for (String exchange : exchanges) {
            health.put(exchange, new ExchangeHealth(exchange, true, clock.instant(), null, 0, Duration.ZERO));
        }
        return out;
    }

    private OrderBook book(String exchange, String pair, BigDecimal mid) {
        String key = exchange + "|" + pair;
        // a mean-reverting offset of a few basis points, with a rare dislocation of 40 to 120 bp for a few ticks
        int offset = offsetsBp.getOrDefault(key, random.nextInt(-4, 5));
        offset = offset * 7 / 10 + random.nextInt(-2, 3);
        int ticks = dislocationTicks.getOrDefault(key, 0);
        if (ticks == 0 && random.nextInt(400) == 0) {
            ticks = random.nextInt(3, 10);
            offset += (random.nextBoolean() ? 1 : -1) * random.nextInt(40, 121);
        }
        dislocationTicks.put(key, Math.max(0, ticks - 1));
        offsetsBp.put(key, offset);
        BigDecimal center = mid.multiply(BigDecimal.ONE.add(BP.multiply(BigDecimal.valueOf(offset))), MC);
        int halfSpreadBp = Math.max(1, Math.abs(exchange.hashCode() % 4) + (pair.startsWith("USDC/") ? 0 : 1));
        int scale = center.compareTo(BigDecimal.ONE) < 0 ? 6 : center.compareTo(new BigDecimal("1000")) < 0 ? 4 : 2;
        List<Level> bids = new ArrayList<>();
        List<Level> asks = new ArrayList<>();
        BigDecimal baseSize = new BigDecimal("20000").divide(center, 8, RoundingMode.DOWN); // about $20k per level
        for (int i = 0; i < 20; i++) {
            BigDecimal away = BP.multiply(BigDecimal.valueOf(halfSpreadBp + i * 2L));
            // deeper levels hold more, with some noise: (1 + i/3) x 0.5..1.5 of the base size
            BigDecimal size = baseSize.multiply(BigDecimal.valueOf(1 + i / 3))
                    .multiply(BigDecimal.valueOf(random.nextInt(5, 16)).movePointLeft(1))
                    .setScale(8, RoundingMode.DOWN);
            bids.add(new Level(center.multiply(BigDecimal.ONE.subtract(away), MC).setScale(scale, RoundingMode.DOWN), size));
            asks.add(new Level(center.multiply(BigDecimal.ONE.add(away), MC).setScale(scale, RoundingMode.UP), size));
        }
        return new OrderBook(exchange, pair, bids, asks, clock.instant());
    }

    @Override
    public synchronized Map<String, ExchangeHealth> health() {
        return Map.copyOf(health);
    }
}
