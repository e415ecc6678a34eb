package com.arbdesk.boot;

import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.arbitrage.ExchangeHealth;
import com.arbdesk.core.db.Database;
import com.arbdesk.core.events.EventBus;
import com.arbdesk.deposit.DepositAdmin;
import com.arbdesk.deposit.DepositChanged;
import com.arbdesk.nowpayments.ProviderCallObserver;
import com.arbdesk.realtime.LiveStats;
import com.arbdesk.realtime.SessionRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * The Prometheus registry behind /metrics, every name prefixed {@code arbdesk_}: the JVM, the database pool,
 * provider calls (through the client's {@link ProviderCallObserver}), deposits created and credits (counted from
 * the event bus after commit, so no service changes), the reconciler's figures, the live sockets (read from
 * their plain counters) and each exchange's poll age. IPN verdicts and handling time are counted at the web edge.
 */
public final class AppMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    AppMetrics() {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith("arbdesk.") ? id : id.withName("arbdesk." + id.getName());
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Times every provider request by method, endpoint and status (or failure); give it to the NOWPayments client. */
    ProviderCallObserver providerCalls() {
        return (method, endpoint, status, elapsed) -> Timer.builder("provider.calls")
                .description("HTTP requests to NOWPayments, each retry on its own")
                .tag("method", method).tag("endpoint", endpoint).tag("status", status)
                .register(registry).record(elapsed);
    }

    /** Counts deposits and credits from the bus and reads the reconciler's figures. */
    void watchDeposits(EventBus events, DepositAdmin depositAdmin) {
        events.afterCommit(DepositChanged.class, this::count);
        Gauge.builder("reconciler.lag", depositAdmin, d -> d.reconcilerHealth().lag().toMillis() / 1000.0)
                .baseUnit("seconds").description("how far in the past the most overdue deposit check lies").register(registry);
        Gauge.builder("reconciler.checks.last.hour", depositAdmin, d -> d.reconcilerHealth().checksLastHour())
                .description("deposit checks with the provider in the last hour").register(registry);
        Gauge.builder("reconciler.errors.last.hour", depositAdmin, d -> d.reconcilerHealth().errorsLastHour())
                .description("failed deposit checks in the last hour").register(registry);
    }

    /** The reader pool and the single writer. */
    void watchDatabase(Database db) {
        Gauge.builder("db.readers.active", db, Database::readersInUse).description("reader connections in use").register(registry);
        Gauge.builder("db.readers.max", db, Database::readerCount).description("reader connections in the pool").register(registry);
        Gauge.builder("db.writer.active", db, d -> d.writing() ? 1 : 0).description("1 while a write transaction runs").register(registry);
        Gauge.builder("db.writer.waiting", db, Database::writesWaiting).description("threads waiting for the writer").register(registry);
    }

    /** The open sockets and their running totals. */
    void watchSockets(SessionRegistry sockets) {
        LiveStats s = sockets.stats();
        Gauge.builder("live.sessions.open", sockets, SessionRegistry::openCount).description("open WebSocket sessions").register(registry);
        FunctionCounter.builder("live.messages.sent", s, LiveStats::messagesSent).description("messages sent on the live sockets")
                .register(registry);
        FunctionCounter.builder("live.queue.overflows", s, LiveStats::queueOverflows)
                .description("sockets closed because their send queue was full").register(registry);
        FunctionCounter.builder("live.catchups", s, LiveStats::resumes).tag("outcome", "resumed")
                .description("reconnects that asked for what they missed").register(registry);
        FunctionCounter.builder("live.catchups", s, LiveStats::resyncs).tag("outcome", "resync").register(registry);
    }

    /** Seconds since each watched exchange's last good poll; NaN before its first. */
    void watchArbitrage(ArbitrageService arbitrage, Clock clock) {
        for (String exchange : arbitrage.settings().exchanges()) {
            Gauge.builder("arbitrage.poll.age", arbitrage, a -> {
                ExchangeHealth h = a.exchangeHealth().get(exchange);
                return h == null || h.lastSuccess() == null ? Double.NaN
                        : Duration.between(h.lastSuccess(), clock.instant()).toMillis() / 1000.0;
            }).tag("exchange", exchange).baseUnit("seconds").description("time since the exchange's last good poll").register(registry);
        }
    }

    private void count(DepositChanged e) {
        if (e.created()) {
            Counter.builder("deposits").description("deposits created").tag("coin", e.deposit().currency()).tag("network", e.deposit().network())
                    .register(registry).increment();
        }
        if (e.creditedNow() != null && e.creditedNow().signum() > 0) {
            Counter.builder("credits").register(registry).increment();
            // a monitoring figure in whole cents, never read back as money
            Counter.builder("credited.usd.cents").register(registry).increment(e.creditedNow().toMinor());
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
