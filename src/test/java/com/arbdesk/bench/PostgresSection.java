package com.arbdesk.bench;

import static com.arbdesk.bench.Suite.POSTGRES;

import com.arbdesk.bench.Results.Side;
import com.arbdesk.testing.TestDatabase;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL section (issue #14), one call per run, in the same invocation as the SQLite figures:
 * <ul>
 *   <li>genuine 'finished' IPNs on one instance on SQLite ({@link Side#REFERENCE}, a copy of the set-up database) and on one
 *   instance on a fresh PostgreSQL schema ({@link Side#APP}), same load generator and pool size, order alternating by run;</li>
 *   <li>then a second instance B on that schema: IPNs sent to A at {@code pgRate}/s, {@code deposit_updated} awaited on the
 *   payer's socket on A (same instance, {@link Side#REFERENCE}) and on B (cross-instance, LISTEN/NOTIFY, {@link Side#APP}).</li>
 * </ul>
 * The schema is made by {@link TestDatabase} (its {@code arbdesk.it.pg*} properties pick the server) and dropped at the end of
 * the run, whatever happened.
 */
final class PostgresSection {
    private static final int POOL_OWNERS = 200;

    private final BenchConfig cfg;
    private final Results results;
    private final Path work;
    private final Targets targets;
    private final Ipns ipns;
    private final Path baseDb;
    private final Suite.Load load;
    private final Duration duration;

    PostgresSection(BenchConfig cfg, Results results, Path work, Targets targets, Ipns ipns, Path baseDb, Suite.Load load) {
        this.cfg = cfg;
        this.results = results;
        this.work = work;
        this.targets = targets;
        this.ipns = ipns;
        this.baseDb = baseDb;
        this.load = load;
        this.duration = Duration.ofSeconds(cfg.durationSeconds());
    }

    void run(int run) throws Exception {
        if (run % 2 == 1) {
            sqlite(run);
            postgres(run);
        } else {
            postgres(run);
            sqlite(run);
        }
    }

    /** The SQLite side of the throughput pair: one instance on a copy of the set-up database, the same pool size. */
    private void sqlite(int run) throws Exception {
        Path db = work.resolve("pg-section-sqlite.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        Files.copy(baseDb, db);
        Suite.log("postgres section, run " + run + ": one instance on SQLite");
        try (Server app = targets.app(db)) {
            results.add(POSTGRES, Side.REFERENCE, "startup.s", app.startupSeconds());
            List<Seeder.Pending> pool;
            try (Seeder s = new Seeder(db)) {
                pool = pool(s, run);
            }
            genuineIpns(app, Side.REFERENCE, pool);
        }
    }

    /** One instance on a fresh schema for the throughput, then a second one for the event latency; the schema is dropped. */
    private void postgres(int run) throws Exception {
        TestDatabase.Schema schema = TestDatabase.createSchema();
        Suite.log("postgres section, run " + run + ": one instance on PostgreSQL schema " + schema.name());
        try {
            Map<String, String> database = schema.settings();
            try (Server a = targets.app(database, "pg-a")) {
                results.add(POSTGRES, Side.APP, "startup.s", a.startupSeconds());
                Accounts.Account payer = Accounts.signup(HttpClient.newHttpClient(), a.baseUrl(), "payer@bench.invalid");
                try (Seeder s = seeder(schema)) {
                    genuineIpns(a, Side.APP, pool(s, run));
                }
                Suite.log("postgres section, run " + run + ": second instance B on the same schema");
                try (Server b = targets.app(database, "pg-b"); Seeder s = seeder(schema)) {
                    int count = (int) (cfg.pgRate() * cfg.durationSeconds() * 1.1) + 10;
                    List<Seeder.Pending> crossPool = s.pending(List.of(payer.id()), count);
                    List<Seeder.Pending> samePool = s.pending(List.of(payer.id()), count);
                    if (run % 2 == 1) {
                        events(a, b, payer, crossPool, Side.APP);
                        events(a, a, payer, samePool, Side.REFERENCE);
                    } else {
                        events(a, a, payer, samePool, Side.REFERENCE);
                        events(a, b, payer, crossPool, Side.APP);
                    }
                }
            }
        } finally {
            schema.drop();
        }
    }

    private List<Seeder.Pending> pool(Seeder s, int run) throws java.sql.SQLException {
        long t0 = System.nanoTime();
        List<Long> owners = s.users("pg-pool-" + run, POOL_OWNERS, s.anyPasswordHash());
        List<Seeder.Pending> pool = s.pending(owners, cfg.poolSize());
        Suite.log(String.format("  inserted %,d pending deposits for the IPN run in %.1f s", pool.size(), (System.nanoTime() - t0) / 1e9));
        return pool;
    }

    private void genuineIpns(Server server, Side side, List<Seeder.Pending> pool) throws InterruptedException {
        AtomicInteger cursor = new AtomicInteger(); // over warm-up and measurement: every IPN is for a deposit not yet paid
        load.run(POSTGRES, side, "ipn.genuine", i -> {
            int next = cursor.getAndIncrement();
            return next < pool.size() ? ipns.genuine(server.baseUrl(), pool.get(next)) : null;
        }, 200);
    }

    /** IPNs to {@code ipnTarget} at {@code pgRate}/s; latency to {@code deposit_updated} on the payer's socket on {@code socketServer}. */
    private void events(Server ipnTarget, Server socketServer, Accounts.Account payer, List<Seeder.Pending> pool, Side side)
            throws Exception {
        String what = side == Side.APP ? "cross-instance events (IPN on A, socket on B)" : "same-instance events (IPN and socket on A)";
        results.add(POSTGRES, side, "event.rate", cfg.pgRate());
        try (SocketFleet fleet = new SocketFleet()) {
            EventLatency latency = new EventLatency();
            fleet.connectOne(SocketTarget.app(socketServer, payer), latency.listener());
            Thread.sleep(200);
            EventLatency.Result r = latency.run(ipnTarget.baseUrl(), ipns, pool, cfg.pgRate(), duration);
            results.add(POSTGRES, side, "event.p50", r.p50Millis());
            results.add(POSTGRES, side, "event.p99", r.p99Millis());
            results.add(POSTGRES, side, "event.missing", r.missing());
            if (r.missing() > 0 || r.httpFailed() > 0) {
                results.failed("postgres/" + what + ": " + r.summary());
            }
            Suite.log("  " + what + " at " + cfg.pgRate() + "/s: " + r.summary());
        }
    }

    private static Seeder seeder(TestDatabase.Schema schema) throws java.sql.SQLException {
        return new Seeder(schema.url(), TestDatabase.user(), System.getProperty("arbdesk.it.pgPassword", ""));
    }
}
