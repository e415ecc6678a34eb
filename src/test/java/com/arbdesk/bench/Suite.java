package com.arbdesk.bench;

import com.arbdesk.bench.Results.Side;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole invocation: one set-up (users signed up through the app), then per DB size a seeded snapshot and
 * {@code runs} interleaved runs of the reference and the app, each starting from that snapshot.
 */
public final class Suite {
    private static final int TYPICAL_DEPOSITS = 5;

    private final BenchConfig cfg;
    private final Results results;
    private final Path work;
    private final Targets targets;
    private final Ipns ipns;
    private final Duration duration;

    private Accounts.Account typical;
    private Accounts.Account heavy;
    private Accounts.Account creator;
    private Accounts.Account payer;
    private final List<Accounts.Account> idle = new ArrayList<>();
    private Path baseDb;
    /** The server the size scenarios load (its CPU time is read around each measured run); 0 outside them. */
    private long serverPid;

    public Suite(BenchConfig cfg, Results results, Path work, Targets targets, Targets.Secrets secrets) {
        this.cfg = cfg;
        this.results = results;
        this.work = work;
        this.targets = targets;
        this.ipns = new Ipns(secrets.ipn());
        this.duration = Duration.ofSeconds(cfg.durationSeconds());
    }

    public void run() throws Exception {
        log("writing the class archive (java -XX:ArchiveClassesAtExit=... -jar arbdesk.war cds-archive)");
        targets.trainClassArchive();
        setUp();
        for (int size : cfg.sqlite() ? cfg.sizes() : List.<Integer>of()) {
            Path sizeDb = seedSize(size);
            for (int run = 1; run <= cfg.runs(); run++) {
                List<Side> order = run % 2 == 1 ? List.of(Side.REFERENCE, Side.APP) : List.of(Side.APP, Side.REFERENCE);
                for (Side side : order) {
                    int r = run;
                    scenario(size, side, "run " + run, () -> runOnce(size, r, side, sizeDb));
                }
            }
        }
        if (cfg.postgres()) {
            PostgresSection pg = new PostgresSection(cfg, results, work, targets, ipns, baseDb, this::load);
            for (int run = 1; run <= cfg.runs(); run++) {
                int r = run;
                scenario(POSTGRES, Side.APP, "run " + run, () -> pg.run(r));
            }
        }
    }

    /** The key of the PostgreSQL section's figures in {@link Results} (no DB size: both sides start near empty). */
    static final int POSTGRES = -1;

    /** How a failure names its section: the DB size, or "postgres". */
    static String label(int size) {
        return size == POSTGRES ? "postgres" : String.valueOf(size);
    }

    /** A fresh database with its schema (made by the app's own start) and the users who log in. */
    private void setUp() throws Exception {
        baseDb = work.resolve("base.db");
        log("set-up: starting the app on a fresh database to create the schema and sign up " + (4 + cfg.idleUsers()) + " users");
        try (Server app = targets.app(baseDb)) {
            HttpClient client = HttpClient.newHttpClient();
            typical = Accounts.signup(client, app.baseUrl(), "typical@bench.invalid");
            heavy = Accounts.signup(client, app.baseUrl(), "heavy@bench.invalid");
            creator = Accounts.signup(client, app.baseUrl(), "creator@bench.invalid");
            payer = Accounts.signup(client, app.baseUrl(), "payer@bench.invalid");
            for (int i = 0; i < cfg.idleUsers(); i++) {
                idle.add(Accounts.signup(client, app.baseUrl(), "idle-" + i + "@bench.invalid"));
            }
        }
        try (Seeder s = new Seeder(baseDb)) {
            s.checkpoint();
        }
    }

    /** The snapshot for one size: {@code size} settled deposits of other users, the heavy user's, the typical user's. */
    private Path seedSize(int size) throws Exception {
        Path db = work.resolve("size-" + size + ".db");
        Files.copy(baseDb, db, StandardCopyOption.REPLACE_EXISTING);
        long t0 = System.nanoTime();
        try (Seeder s = new Seeder(db)) {
            String hash = s.passwordHashOf(typical.id());
            List<Long> others = s.users("history", Math.max(50, size / 20), hash);
            s.settled(others, size);
            s.settled(List.of(heavy.id()), cfg.heavyDeposits());
            s.settled(List.of(typical.id()), TYPICAL_DEPOSITS);
            s.checkpoint();
        }
        log(String.format("seeded %,d deposits (+%,d of the heavy user, +%d of the typical user) in %.1f s", size,
                cfg.heavyDeposits(), TYPICAL_DEPOSITS, (System.nanoTime() - t0) / 1e9));
        return db;
    }

    private void runOnce(int size, int run, Side side, Path sizeDb) throws Exception {
        Path db = work.resolve("run.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        Files.copy(sizeDb, db);
        log("size " + size + ", run " + run + ": " + side);
        if (side == Side.APP) {
            try (Server plain = targets.appWithoutArchive(db, "app-without-archive-" + size + "-run" + run)) {
                results.add(size, side, "startup.plain.s", plain.startupSeconds());
                log(String.format("  start-up to first 200 without the class archive: %.2f s", plain.startupSeconds()));
            }
        }
        // one log per server start, kept for the whole invocation (the work directory's <name>.log)
        String name = (side == Side.APP ? "app" : "reference") + "-" + size + "-run" + run;
        try (Server server = side == Side.APP ? targets.app(db, name) : targets.reference(db, name)) {
            serverPid = server.pid();
            results.add(size, side, "startup.s", server.startupSeconds());
            log(String.format("  start-up to first 200: %.2f s", server.startupSeconds()));
            if (side == Side.APP && cfg.runs("pages")) {
                pages(size, server);
            }
            if (side == Side.APP && cfg.runs("create")) {
                scenario(size, side, "deposit creation", () -> load(size, side, "create", createDeposit(server), 201));
            }
            if (!cfg.runs("ipn") && !cfg.runs("sockets")) {
                return;
            }
            List<Seeder.Pending> pool;
            try (Seeder s = new Seeder(db)) {
                long t0 = System.nanoTime();
                List<Long> owners = s.users("pool-" + run, 200, s.passwordHashOf(typical.id()));
                pool = s.pending(owners, cfg.poolSize());
                log(String.format("  inserted %,d pending deposits for the IPN runs in %.1f s", pool.size(), (System.nanoTime() - t0) / 1e9));
            }
            // one cursor over warm-up and measurement: every genuine IPN is for a deposit not yet paid
            AtomicInteger cursor = new AtomicInteger();
            if (cfg.runs("ipn")) {
            scenario(size, side, "genuine IPNs", () -> load(size, side, "ipn.genuine", i -> {
                int next = cursor.getAndIncrement();
                return next < pool.size() ? ipns.genuine(server.baseUrl(), pool.get(next)) : null;
            }, 200));
            scenario(size, side, "forged IPNs", () -> {
                long rowsBefore = ipnRows(db);
                long sent = load(size, side, "ipn.forged", i -> ipns.forged(server.baseUrl(), pool.get((int) (i % pool.size()))), 400);
                results.add(size, side, "ipn.forged.rows", (ipnRows(db) - rowsBefore) / (double) sent);
            });
            }
            if (cfg.runs("sockets")) {
                scenario(size, side, "sockets", () -> sockets(size, side, server, db, eventRate(size, side, run)));
            }
        }
    }

    private void pages(int size, Server app) {
        scenario(size, Side.APP, "asset checks", () -> results.checks(size, AssetChecks.run(app, typical)));
        Map<String, java.util.function.LongFunction<HttpRequest>> pages = new java.util.LinkedHashMap<>();
        pages.put("health", get(app, "/health", null));
        pages.put("dashboard.typical", get(app, "/dashboard", "Cookie:" + Accounts.cookie(typical)));
        pages.put("dashboard.heavy", get(app, "/dashboard", "Cookie:" + Accounts.cookie(heavy)));
        pages.put("deposits.typical", get(app, "/api/deposits?limit=5", "Authorization:" + Accounts.bearer(typical)));
        pages.put("deposits.heavy", get(app, "/api/deposits?limit=5", "Authorization:" + Accounts.bearer(heavy)));
        // every page once before any is measured: a fresh JVM compiles for its first half-minute or so, and without
        // this the scenarios measured first (the typical user's) paid for it, which read as "the typical user costs
        // more than the heavy one"
        scenario(size, Side.APP, "warm-up of the pages", () -> {
            for (java.util.function.LongFunction<HttpRequest> requests : pages.values()) {
                LoadGenerator.run(cfg.connections(), Duration.ofSeconds(Math.max(1, cfg.warmupSeconds())), 200, requests);
            }
        });
        pages.forEach((metric, requests) -> scenario(size, Side.APP, "GET " + metric, () -> load(size, Side.APP, metric, requests, 200)));
    }

    /** {@code --wsRate}, or with {@code --wsRate=0} half the genuine-IPN rate this side just reached (the "50 % of the maximum"). */
    private int eventRate(int size, Side side, int run) {
        if (cfg.wsRate() > 0) {
            return cfg.wsRate();
        }
        List<Double> rates = results.get(size, side, "ipn.genuine.rate");
        return rates.size() < run ? 100 : (int) Math.max(10, rates.get(rates.size() - 1) / 2);
    }

    /** Heap per idle authenticated socket, then IPN → deposit_updated with all those sockets open. */
    private void sockets(int size, Side side, Server server, Path db, int rate) throws Exception {
        List<Seeder.Pending> payerPool;
        try (Seeder s = new Seeder(db)) {
            payerPool = s.pending(List.of(payer.id()), (int) (rate * (cfg.durationSeconds() + cfg.warmupSeconds()) * 1.1) + 20);
        }
        results.add(size, side, "event.rate", rate);
        List<SocketTarget> idleTargets = idle.stream()
                .map(a -> side == Side.APP ? SocketTarget.app(server, a) : SocketTarget.reference(server, a)).toList();
        try (SocketFleet fleet = new SocketFleet()) {
            double kib = fleet.openMeasuringHeap(server.pid(), idleTargets, cfg.sockets());
            results.add(size, side, "heap.socket.kib", kib);
            log(String.format("  heap per idle socket: %.1f KiB (%d sockets)", kib, fleet.size()));
            EventLatency latency = new EventLatency();
            fleet.connectOne(side == Side.APP ? SocketTarget.app(server, payer) : SocketTarget.reference(server, payer),
                    latency.listener());
            Thread.sleep(200);
            // a warm-up at the same rate, as every other scenario has: the heap probe's full GCs just shrank the heap,
            // and the first seconds after them measured the collector growing it back rather than the server
            int warm = (int) Math.min(payerPool.size() / 2, (long) rate * cfg.warmupSeconds());
            if (warm > 0) {
                latency.run(server.baseUrl(), ipns, payerPool.subList(0, warm), rate, Duration.ofSeconds(cfg.warmupSeconds()));
                latency.reset();
            }
            EventLatency.Result r = latency.run(server.baseUrl(), ipns, payerPool.subList(warm, payerPool.size()), rate, duration);
            results.add(size, side, "event.p50", r.p50Millis());
            results.add(size, side, "event.p99", r.p99Millis());
            results.add(size, side, "event.missing", r.missing());
            String overflows = "";
            if (side == Side.APP) {
                // sockets the app closed because their queue overflowed (the payer's, or any of the idle ones)
                double closed = server.metric("arbdesk_live_queue_overflows_total");
                results.add(size, side, "event.overflows", closed);
                overflows = "; sockets closed for a full queue since start: " + (long) closed;
            }
            if (r.missing() > 0 || r.httpFailed() > 0) {
                results.failed(size + "/" + side + "/events: " + r.summary() + overflows);
            }
            log("  IPN → deposit_updated at " + rate + "/s with " + cfg.sockets() + " idle sockets: " + r.summary() + overflows);
        }
    }

    /** Warm-up, then the measured run; returns how many requests both sent. */
    long load(int size, Side side, String metric, java.util.function.LongFunction<HttpRequest> requests, int status)
            throws InterruptedException {
        long sent = 0;
        if (cfg.warmupSeconds() > 0) {
            LoadResult w = LoadGenerator.run(cfg.connections(), Duration.ofSeconds(cfg.warmupSeconds()), status, requests);
            sent += w.ok() + w.failed();
        }
        double cpuBefore = serverPid == 0 ? 0 : Children.cpuSeconds(serverPid);
        LoadResult r = LoadGenerator.run(cfg.connections(), duration, status, requests);
        sent += r.ok() + r.failed();
        if (serverPid != 0 && r.ok() > 0) {
            // CPU seconds the server process spent per answered request: steadier than throughput on a shared machine
            results.add(size, side, metric + ".cpu", (Children.cpuSeconds(serverPid) - cpuBefore) * 1000 / r.ok());
        }
        results.add(size, side, metric + ".rate", r.perSecond());
        results.add(size, side, metric + ".p99", r.p99Millis());
        log("  " + metric + ": " + r.summary());
        if (r.failed() > 0) {
            results.failed(label(size) + "/" + side + "/" + metric + ": " + r.failed() + " failed, first: " + r.firstFailure());
        }
        return sent;
    }

    /** Rows in the IPN log: what a forged IPN costs in writes. */
    private static long ipnRows(Path db) throws java.sql.SQLException {
        try (Seeder s = new Seeder(db)) {
            return s.count("ipn_events");
        }
    }

    private static java.util.function.LongFunction<HttpRequest> get(Server s, String path, String header) {
        HttpRequest.Builder b = LoadGenerator.request(s.baseUrl() + path).GET();
        if (header != null) {
            b.header(header.substring(0, header.indexOf(':')), header.substring(header.indexOf(':') + 1));
        }
        HttpRequest req = b.build();
        return i -> req;
    }

    private java.util.function.LongFunction<HttpRequest> createDeposit(Server s) {
        HttpRequest req = LoadGenerator.request(s.baseUrl() + "/api/deposits/create")
                .header("Content-Type", "application/json").header("Authorization", Accounts.bearer(creator))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"50.00\",\"mode\":\"payment\"}")).build();
        return i -> req;
    }

    /** {@link #load} as the PostgreSQL section calls it. */
    interface Load {
        long run(int size, Side side, String metric, java.util.function.LongFunction<HttpRequest> requests, int status)
                throws InterruptedException;
    }

    private interface Scenario {
        void run() throws Exception;
    }

    /** Runs one scenario; any failure is logged and recorded, and the next scenario still runs. */
    private void scenario(int size, Side side, String name, Scenario s) {
        try {
            s.run();
        } catch (Exception e) { // the top of a scenario: log it, mark it failed, go on
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            results.failed(label(size) + "/" + side + "/" + name + ": " + e);
            log("  FAILED " + name + ": " + e);
        }
    }

    static void log(String line) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }

    /** Removes a work directory (the expanded WARs of the app live in their own temp dirs). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
