package com.arbdesk.arbitrage;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live order books from public, keyless exchange APIs through XChange. Exchanges are built on first
 * use, inside a fetch, never at start-up; every call runs on a worker and is abandoned at the timeout,
 * so one slow or failing exchange is marked unhealthy and skipped while the others still return.
 */
public final class XChangeMarketDataSource implements MarketDataSource, AutoCloseable {
    static final int DEPTH = 50;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final XChangeExchanges exchanges;
    private final Duration timeout;
    private final Clock clock;
    private final HealthTracker health;
    private final Map<String, BookReader> readers = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(daemonThreads());

    public XChangeMarketDataSource() {
        this(Map.of(), DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    /** @param baseUriOverrides exchange name to base URI (e.g. "binance" to "http://127.0.0.1:8123"), for tests */
    public XChangeMarketDataSource(Map<String, String> baseUriOverrides, Duration timeout, Clock clock) {
        this.exchanges = new XChangeExchanges(baseUriOverrides, timeout, DEPTH);
        this.timeout = timeout;
        this.clock = clock;
        this.health = new HealthTracker(clock);
    }

    @Override
    public String name() {
        return "live";
    }

    @Override
    public List<OrderBook> fetch(List<String> exchangeNames, List<String> pairs) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, List<Call>> calls = new LinkedHashMap<>();
        for (String exchange : exchangeNames) {
            List<Call> forExchange = new ArrayList<>();
            for (String pair : pairs) {
                forExchange.add(new Call(pair, workers.submit(() -> read(exchange, pair))));
            }
            calls.put(exchange, forExchange);
        }
        List<OrderBook> books = new ArrayList<>();
        for (Map.Entry<String, List<Call>> entry : calls.entrySet()) {
            if (!collect(entry.getKey(), entry.getValue(), deadline, books)) {
                calls.values().forEach(list -> list.forEach(c -> c.future().cancel(true)));
                break;
            }
        }
        return books;
    }

    @Override
    public Map<String, ExchangeHealth> health() {
        return health.snapshot();
    }

    /** Stops the workers (and so any call still waiting on an exchange). */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private Fetched read(String exchange, String pair) throws java.io.IOException {
        long started = System.nanoTime();
        BookReader reader = readers.computeIfAbsent(exchange, exchanges::create);
        org.knowm.xchange.dto.marketdata.OrderBook book = reader.read(XChangeBooks.currencyPair(pair));
        OrderBook ours = XChangeBooks.toOrderBook(exchange, pair, book, DEPTH, clock.instant());
        return new Fetched(ours, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Waits for one exchange's calls until the shared deadline; false only if this thread was interrupted. */
    private boolean collect(String exchange, List<Call> calls, long deadline, List<OrderBook> books) {
        List<String> errors = new ArrayList<>();
        Duration latency = Duration.ZERO;
        for (Call call : calls) {
            try {
                Fetched fetched = call.future().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                books.add(fetched.book());
                latency = max(latency, fetched.latency());
            } catch (TimeoutException e) {
                call.future().cancel(true);
                errors.add(call.pair() + ": no answer within " + timeout.toMillis() + " ms");
                latency = max(latency, timeout);
            } catch (ExecutionException e) {
                if (timedOut(e.getCause())) {
                    // the client's own read timeout (the same length) can fire just before our deadline: one outcome
                    errors.add(call.pair() + ": no answer within " + timeout.toMillis() + " ms");
                    latency = max(latency, timeout);
                } else {
                    errors.add(call.pair() + ": " + describe(e.getCause()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (errors.isEmpty()) {
            health.success(exchange, latency);
        } else {
            health.failure(exchange, String.join("; ", errors), latency);
        }
        return true;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "xchange-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Call(String pair, Future<Fetched> future) {
    }

    private record Fetched(OrderBook book, Duration latency) {
    }
}
