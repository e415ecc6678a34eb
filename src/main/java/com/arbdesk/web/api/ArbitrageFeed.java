package com.arbdesk.web.api;

import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.arbitrage.ArbitrageUpdated;
import com.arbdesk.web.Json;
import com.arbdesk.web.api.ArbitrageResource.OpportunityView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;

/**
 * The versioned list of opportunities every dashboard shares, and the delta between one version and the next.
 * The full list (GET /api/arbitrage/opportunities) says which version it is; each announcement carries the delta
 * from the previous version, computed once and sent as the same text to every socket. Per-user parts (the
 * rank_for=me order and deposit legs) are never in it. Versions start at this instance's start time in ms, so they
 * rise across restarts and a client that talked to another instance sees a gap and re-reads the list.
 */
public final class ArbitrageFeed {
    /** One version: its number, the snapshot it was read from and its rows as the API renders them. */
    public record Published(long version, ArbitrageService.Snapshot snapshot, List<OpportunityView> rows) {
    }

    /** The data of one arbitrage_update: the summary older listeners read, plus the delta from {@code base}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Update(Instant updatedAt, int count, String source, long version, long base, List<OpportunityView> upsert,
                         List<String> remove, List<String> order) {
    }

    private final ArbitrageService arbitrage;
    private final long firstVersion;
    private Published current;

    public ArbitrageFeed(ArbitrageService arbitrage, long firstVersion) {
        this.arbitrage = arbitrage;
        this.firstVersion = firstVersion;
    }

    /** The version the API serves: the one last announced (or the first, read now, before any announcement). */
    public synchronized Published current() {
        if (current == null) {
            current = publish(firstVersion);
        }
        return current;
    }

    /**
     * Called once per announcement (on one thread, before the broadcast): moves to the next version and returns the
     * arbitrage_update data, the delta from the version before. A version whose rows did not change still goes
     * out (an empty delta), so the "updated" time and the views that listen for the announcement move on. The rows are
     * the newest snapshot's, which may be a poll later than {@code announced} (announcements are throttled).
     */
    public synchronized String next(ArbitrageUpdated announced) {
        Published before = current();
        Published after = publish(before.version() + 1);
        current = after;
        ArbitrageDelta d = ArbitrageDelta.between(before.rows(), after.rows());
        Update u = new Update(after.snapshot().updatedAt(), after.rows().size(), after.snapshot().source(), after.version(),
                before.version(), d.upsert(), d.remove(), d.order());
        try {
            return Json.MAPPER.writeValueAsString(u);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an arbitrage update could not be written as JSON", e);
        }
    }

    private Published publish(long version) {
        ArbitrageService.Snapshot s = arbitrage.snapshot();
        return new Published(version, s, s.opportunities().stream().map(OpportunityView::of).toList());
    }
}
