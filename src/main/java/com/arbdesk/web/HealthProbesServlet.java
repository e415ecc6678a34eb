package com.arbdesk.web;

import com.arbdesk.core.db.Migrations;
import com.arbdesk.deposit.ReconcileHealth;
import com.arbdesk.nowpayments.ProviderHealth;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GET /health/live (the process answers) and GET /health/ready (it can do its work: the database reads and
 * writes, every migration is applied, the provider is reachable with a valid key, the reconciler is not
 * stuck), each part with its status; 200 or 503, as load balancers and orchestrators expect.
 */
@PermitAll
@WebServlet({"/health/live", "/health/ready"})
public class HealthProbesServlet extends HttpServlet {
    /** Why a cache: the probe is public and writes a row; at most one real check per this interval. */
    private static final Duration READY_CACHE = Duration.ofSeconds(2);
    private static final Duration MIN_STUCK = Duration.ofMinutes(15);

    /** One part of the answer: ok, failing, starting (not checked yet: not ready) or skipped (not used in this mode). */
    public record Part(String status, String detail) {
        static Part ok() {
            return new Part("ok", null);
        }

        static Part failing(String detail) {
            return new Part("failing", detail);
        }

        boolean fine() {
            return status.equals("ok") || status.equals("skipped");
        }
    }

    /** The answer. */
    public record Probe(String status, Map<String, Part> checks) {
    }

    private record Cached(Instant at, Probe probe) {
    }

    private final AtomicReference<Cached> cache = new AtomicReference<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Probe p = req.getServletPath().equals("/health/live") ? new Probe("ok", Map.of()) : ready();
        resp.setStatus(p.status().equals("ok") ? 200 : 503);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        Json.MAPPER.writeValue(resp.getWriter(), p);
    }

    private Probe ready() {
        Services app = Services.from(getServletContext());
        Instant now = app.clock().instant();
        Cached c = cache.get();
        if (c != null && c.at().plus(READY_CACHE).isAfter(now)) {
            return c.probe();
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        boolean read = app.database().ping();
        parts.put("database_read", read ? Part.ok() : Part.failing("a trivial query does not answer"));
        parts.put("database_write", app.database().writable(now) ? Part.ok() : Part.failing("a write does not commit"));
        parts.put("migrations", migrations(app));
        boolean sandboxOnly = app.config().sandbox().only();
        parts.put("provider", sandboxOnly ? new Part("skipped", null) : provider(app.providerMonitor()
                .current(app.config().ops().readyProviderMaxAge())));
        parts.put("reconciler", sandboxOnly ? new Part("skipped", null) : reconciler(app, read, now));
        Probe probe = new Probe(parts.values().stream().allMatch(Part::fine) ? "ok" : "unavailable", parts);
        cache.set(new Cached(now, probe));
        return probe;
    }

    private static Part migrations(Services app) {
        try {
            int pending = Migrations.pending(app.database());
            return pending == 0 ? Part.ok() : Part.failing(pending + " migrations not applied");
        } catch (RuntimeException e) {
            // Flyway's own failure types: whatever the reason, the schema cannot be confirmed
            return Part.failing("the migrations cannot be read from the database");
        }
    }

    private static Part provider(Optional<ProviderHealth> health) {
        if (health.isEmpty()) {
            return new Part("starting", "the first provider check has not finished");
        }
        ProviderHealth h = health.get();
        if (!h.reachable()) {
            return Part.failing("NOWPayments does not answer");
        }
        return h.keyValid() ? Part.ok() : Part.failing("NOWPayments refuses the API key");
    }

    private static Part reconciler(Services app, boolean databaseReads, Instant now) {
        if (!databaseReads) {
            return Part.failing("its figures need the database");
        }
        ReconcileHealth h = app.depositAdmin().reconcilerHealth();
        Duration interval = app.config().reconcile().interval();
        Duration stuckAfter = interval.multipliedBy(10).compareTo(MIN_STUCK) > 0 ? interval.multipliedBy(10) : MIN_STUCK;
        if (h.lastPass() == null) {
            return new Part("ok", "no pass yet"); // the first pass comes one interval after start
        }
        Duration since = Duration.between(h.lastPass(), now);
        return since.compareTo(stuckAfter) > 0 ? Part.failing("no pass for " + since.toSeconds() + " s") : Part.ok();
    }
}
