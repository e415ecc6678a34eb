package com.arbdesk.boot;

import com.arbdesk.core.events.EventBus;
import com.arbdesk.deposit.DepositAdmin;
import com.arbdesk.deposit.DepositChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The Prometheus registry behind /metrics, every name prefixed {@code arbdesk_}: the JVM, deposits created
 * and credits (counted from the event bus after commit, so no service changes), and the reconciler's figures.
 * IPN verdicts and handling time are counted at the web edge.
 */
public final class AppMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    AppMetrics(EventBus events, DepositAdmin depositAdmin) {
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
        events.afterCommit(DepositChanged.class, this::count);
        Gauge.builder("reconciler.lag", depositAdmin, d -> d.reconcilerHealth().lag().toMillis() / 1000.0)
                .baseUnit("seconds").description("how far in the past the most overdue deposit check lies").register(registry);
        Gauge.builder("reconciler.checks.last.hour", depositAdmin, d -> d.reconcilerHealth().checksLastHour())
                .description("deposit checks with the provider in the last hour").register(registry);
        Gauge.builder("reconciler.errors.last.hour", depositAdmin, d -> d.reconcilerHealth().errorsLastHour())
                .description("failed deposit checks in the last hour").register(registry);
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
