package com.arbdesk.bench;

import com.arbdesk.bench.Results.Side;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Markdown report: per DB size, each figure as min / median / max over the runs and its ratio to the reference. */
public final class Report {
    /** One table row: a figure of the app and the figure of the same invocation it is compared with. */
    private record Row(String work, Side refSide, String refMetric, Side appSide, String appMetric, String format) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("Start-up to the first 200, the app with its class archive (s)", Side.REFERENCE, "startup.s", Side.APP, "startup.s", "%.2f"),
            new Row("Start-up to the first 200, the app without the class archive (s)", Side.REFERENCE, "startup.s", Side.APP, "startup.plain.s", "%.2f"),
            new Row("Genuine 'finished' IPNs, distinct deposits (/s)", Side.REFERENCE, "ipn.genuine.rate", Side.APP, "ipn.genuine.rate", "%,.0f"),
            new Row("Genuine IPNs p99 (ms)", Side.REFERENCE, "ipn.genuine.p99", Side.APP, "ipn.genuine.p99", "%.1f"),
            new Row("Forged IPNs, bad signature (/s)", Side.REFERENCE, "ipn.forged.rate", Side.APP, "ipn.forged.rate", "%,.0f"),
            new Row("Forged IPNs p99 (ms)", Side.REFERENCE, "ipn.forged.p99", Side.APP, "ipn.forged.p99", "%.1f"),
            new Row("Server CPU per genuine IPN (ms)", Side.REFERENCE, "ipn.genuine.cpu", Side.APP, "ipn.genuine.cpu", "%.3f"),
            new Row("Server CPU per forged IPN (ms)", Side.REFERENCE, "ipn.forged.cpu", Side.APP, "ipn.forged.cpu", "%.3f"),
            new Row("Rows written per forged IPN (target: 0)", Side.REFERENCE, "ipn.forged.rows", Side.APP, "ipn.forged.rows", "%.2f"),
            new Row("IPN rate during the event test (/s)", Side.REFERENCE, "event.rate", Side.APP, "event.rate", "%,.0f"),
            new Row("IPN → payer's `deposit_updated` p50 (ms)", Side.REFERENCE, "event.p50", Side.APP, "event.p50", "%.1f"),
            new Row("IPN → payer's `deposit_updated` p99 (ms)", Side.REFERENCE, "event.p99", Side.APP, "event.p99", "%.1f"),
            new Row("Events missing 10 s after the last IPN", Side.REFERENCE, "event.missing", Side.APP, "event.missing", "%.0f"),
            new Row("Heap per idle authenticated socket (KiB)", Side.REFERENCE, "heap.socket.kib", Side.APP, "heap.socket.kib", "%.1f"),
            new Row("`GET /dashboard`, typical user (/s) vs `/health`", Side.APP, "health.rate", Side.APP, "dashboard.typical.rate", "%,.0f"),
            new Row("`GET /dashboard`, user with the heavy history (/s) vs `/health`", Side.APP, "health.rate", Side.APP, "dashboard.heavy.rate", "%,.0f"),
            new Row("Server CPU per `GET /dashboard`, typical user, vs `/health` (ms)", Side.APP, "health.cpu", Side.APP, "dashboard.typical.cpu", "%.3f"),
            new Row("Server CPU per `GET /dashboard`, heavy user, vs `/health` (ms)", Side.APP, "health.cpu", Side.APP, "dashboard.heavy.cpu", "%.3f"),
            new Row("`GET /api/deposits?limit=5`, typical user (/s) vs `/health`", Side.APP, "health.rate", Side.APP, "deposits.typical.rate", "%,.0f"),
            new Row("`GET /api/deposits?limit=5`, typical user p99 (ms) vs `/health`", Side.APP, "health.p99", Side.APP, "deposits.typical.p99", "%.1f"),
            new Row("`GET /api/deposits?limit=5`, heavy user (/s) vs `/health`", Side.APP, "health.rate", Side.APP, "deposits.heavy.rate", "%,.0f"),
            new Row("`GET /api/deposits?limit=5`, heavy user p99 (ms) vs `/health`", Side.APP, "health.p99", Side.APP, "deposits.heavy.p99", "%.1f"),
            new Row("Deposit creation against the stub provider (/s) vs `/health`", Side.APP, "health.rate", Side.APP, "create.rate", "%,.0f"),
            new Row("Deposit creation p99 (ms) vs `/health`", Side.APP, "health.p99", Side.APP, "create.p99", "%.1f"));

    /** The PostgreSQL section: the reference side is SQLite (throughput) or the same instance (events). */
    private static final List<Row> PG_ROWS = List.of(
            new Row("Start-up to the first 200, SQLite vs PostgreSQL (s)", Side.REFERENCE, "startup.s", Side.APP, "startup.s", "%.2f"),
            new Row("Genuine 'finished' IPNs, one instance, SQLite vs PostgreSQL (/s)", Side.REFERENCE, "ipn.genuine.rate", Side.APP, "ipn.genuine.rate", "%,.0f"),
            new Row("Genuine IPNs p99, one instance, SQLite vs PostgreSQL (ms)", Side.REFERENCE, "ipn.genuine.p99", Side.APP, "ipn.genuine.p99", "%.1f"),
            new Row("IPN rate during the event test, PostgreSQL (/s)", Side.REFERENCE, "event.rate", Side.APP, "event.rate", "%,.0f"),
            new Row("IPN on A → payer's `deposit_updated` p50, socket on A vs on B (ms)", Side.REFERENCE, "event.p50", Side.APP, "event.p50", "%.1f"),
            new Row("IPN on A → payer's `deposit_updated` p99, socket on A vs on B (ms)", Side.REFERENCE, "event.p99", Side.APP, "event.p99", "%.1f"),
            new Row("Events missing 10 s after the last IPN, socket on A vs on B", Side.REFERENCE, "event.missing", Side.APP, "event.missing", "%.0f"));

    private Report() {
    }

    /** One Markdown table: each row's two sides as min / median / max and the ratio of their medians. */
    private static void table(StringBuilder md, Results results, int size, String header, List<Row> rows) {
        md.append(header).append("\n|---|---|---|---|\n");
        for (Row r : rows) {
            Stats ref = Stats.of(results.get(size, r.refSide(), r.refMetric()));
            Stats app = Stats.of(results.get(size, r.appSide(), r.appMetric()));
            String ratio = ref.n() == 0 || app.n() == 0 || ref.median() == 0 ? "—" : String.format("%.2f", app.median() / ref.median());
            md.append("| ").append(r.work()).append(" | ").append(ref.format(r.format())).append(" | ")
                    .append(app.format(r.format())).append(" | ").append(ratio).append(" |\n");
        }
        md.append('\n');
    }

    public static String markdown(BenchConfig cfg, Results results, Instant started) throws IOException, InterruptedException {
        StringBuilder md = new StringBuilder();
        md.append("# ArbDesk benchmarks (issue #13)\n\n");
        boolean placeholder = cfg.quick() || cfg.durationSeconds() < 15 || cfg.runs() < 3 || cfg.sockets() < 5000;
        if (placeholder) {
            md.append("> **SMOKE-RUN PLACEHOLDERS.** Every figure below comes from a short run (").append(cfg.durationSeconds())
                    .append(" s per scenario, ").append(cfg.runs()).append(" runs, ").append(cfg.sockets())
                    .append(" idle sockets) made only to prove the suite works, on a machine busy with other builds. ")
                    .append("They are not results: rerun with the defaults (`bench/run.sh`) on a quiet machine.\n\n");
        }
        md.append("Command: ").append(command(cfg)).append("  \n");
        md.append("Started: ").append(started).append("  \n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (nproc); `")
                .append(run(List.of("uname", "-srvmo"))).append("`; ").append(run(List.of(Targets.java(), "-version")).replace("\n", "; "))
                .append("\n\n");
        md.append(String.format("Parameters: %d connections, %d s per scenario after %d s of warm-up, %d runs per side (reference and app interleaved, "
                        + "order alternating), %d idle sockets (%d signed-up users), IPN → event at %s, heavy user with %,d deposits.%n%n",
                cfg.connections(), cfg.durationSeconds(), cfg.warmupSeconds(), cfg.runs(), cfg.sockets(), cfg.idleUsers(), cfg.wsRate() > 0 ? cfg.wsRate() + " IPN/s" : "half of each run's genuine-IPN rate", cfg.heavyDeposits()));
        if (!cfg.parts().containsAll(BenchConfig.PARTS)) {
            md.append("**A partial run**: only the scenario groups ").append(cfg.parts())
                    .append(" (`--parts`); the other rows are empty.\n\n");
        }
        md.append("Each cell is min / median / max over the runs; the ratio is ArbDesk's median over the reference's median. ")
                .append("The IPN, socket and start-up references are the bare servlet (`com.arbdesk.bench.ReferenceServer`) on the same ")
                .append("embedded Tomcat and jars; the page references are the app's own `GET /health` in the same run. ")
                .append("Each run starts a fresh server on a copy of the seeded snapshot; the IPN pool (pending deposits) is inserted ")
                .append("after the page scenarios, so the page figures see exactly the stated DB size.\n\n");
        for (int size : cfg.sqlite() ? cfg.sizes() : List.<Integer>of()) {
            md.append(String.format("## %,d deposits in the database (+%,d of the heavy user, +5 of the typical user)%n%n",
                    size, cfg.heavyDeposits()));
            table(md, results, size, "| Work | Reference | ArbDesk | Ratio |", ROWS);
            List<String> checks = results.checks(size);
            if (!checks.isEmpty()) {
                md.append("Transfer checks (last app run; targets: gzip, immutable caching of fingerprinted assets, compact market data):\n\n");
                checks.forEach(c -> md.append("- ").append(c).append('\n'));
                md.append('\n');
            }
        }
        if (cfg.postgres()) {
            md.append("## PostgreSQL (issue #14)\n\n")
                    .append("Same invocation, same load generator and pool size. Throughput: one instance on SQLite (a copy of the set-up ")
                    .append("database) beside one instance on a fresh PostgreSQL schema (`DATABASE_URL`, same machine, loopback); the ratio ")
                    .append("is PostgreSQL over SQLite. Events: a second instance B on the same schema, IPNs sent to A at ")
                    .append(cfg.pgRate()).append(" IPN/s for ").append(cfg.durationSeconds())
                    .append(" s, the payer's socket on A (same instance) or on B (LISTEN/NOTIFY); the ratio is cross over same instance. ")
                    .append("The schema is dropped at the end of each run.\n\n");
            table(md, results, Suite.POSTGRES, "| Work | SQLite / same instance | PostgreSQL / cross-instance | Ratio |", PG_ROWS);
        }
        List<String> failures = results.failures();
        md.append("## Failed or incomplete scenarios\n\n");
        if (failures.isEmpty()) {
            md.append("None.\n");
        }
        failures.forEach(f -> md.append("- ").append(f).append('\n'));
        md.append("\n## Not measured by this suite\n\n")
                .append("- The publisher's backlog after an IPN run (events queued, time to drain): the app exposes no counter; ")
                .append("the event test shows lag as latency and as events missing 10 s after the last IPN.\n")
                .append("- `EXPLAIN QUERY PLAN` of the hot-path queries: a DAO test's job, not a load figure.\n");
        return md.toString();
    }

    private static String command(BenchConfig cfg) {
        return "`" + ("bench/run.sh " + cfg.command()).strip() + "` (or `./mvnw -Pbench verify -Dbench.args=\"" + cfg.command() + "\"`)";
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
