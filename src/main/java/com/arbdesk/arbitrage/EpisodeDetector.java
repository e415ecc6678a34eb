package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the scanner's rounds into episodes: a route (pair, exchanges, size) whose net spread crosses above zero
 * opens one; it ends at the first round that sees it at zero or below, untrusted (stale, implausible) or not at
 * all. Open episodes are kept here and stored on every round (arbitrage_open_episodes); after a restart they are
 * restored, and one the first round no longer sees ends when it was last seen (the downtime is not counted).
 */
public final class EpisodeDetector {
    private final Map<Route, Episode> open = new HashMap<>();
    /** Restored episodes not seen since the restart, with the last poll that saw them before it. */
    private final Map<Route, Instant> restored = new HashMap<>();

    /** Takes back the episodes that were going on when the application stopped. */
    public synchronized void restore(List<EpisodeDao.OpenRow> rows) {
        for (EpisodeDao.OpenRow r : rows) {
            open.put(r.episode().route(), r.episode());
            restored.put(r.episode().route(), r.lastSeen());
        }
    }

    /** Records one round and returns the episodes it ended. */
    public synchronized List<Episode> round(Instant round, List<Opportunity> opportunities) {
        Instant at = round.truncatedTo(ChronoUnit.MILLIS); // as stored

        Map<Route, BigDecimal> profitable = new HashMap<>();
        for (Opportunity o : opportunities) {
            if (!o.trusted()) {
                continue;
            }
            for (SizeResult s : o.sizes()) {
                if (s.netPct() != null && s.netPct().signum() > 0) {
                    profitable.put(new Route(o.pair(), o.buyExchange(), o.sellExchange(), s.sizeUsd()), s.netPct());
                }
            }
        }
        List<Episode> ended = new ArrayList<>();
        for (Iterator<Map.Entry<Route, Episode>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Route, Episode> e = it.next();
            if (!profitable.containsKey(e.getKey())) {
                Episode ep = e.getValue();
                Instant end = restored.getOrDefault(e.getKey(), at);
                ended.add(new Episode(ep.route(), ep.start(), end.isBefore(ep.start()) ? ep.start() : end, ep.peakNetPct()));
                it.remove();
                restored.remove(e.getKey());
            }
        }
        restored.keySet().removeAll(profitable.keySet());
        profitable.forEach((route, net) -> open.merge(route, new Episode(route, at, null, net),
                (was, now) -> was.peakNetPct().compareTo(net) >= 0 ? was : new Episode(route, was.start(), null, net)));
        return ended;
    }

    /** The episodes still going on. */
    public synchronized List<Episode> ongoing() {
        return List.copyOf(open.values());
    }
}
