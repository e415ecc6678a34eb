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
 * all. Open episodes live in memory (a restart forgets them); closed ones are handed out to be stored.
 */
public final class EpisodeDetector {
    private final Map<Route, Episode> open = new HashMap<>();

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
                ended.add(new Episode(ep.route(), ep.start(), at, ep.peakNetPct()));
                it.remove();
            }
        }
        profitable.forEach((route, net) -> open.merge(route, new Episode(route, at, null, net),
                (was, now) -> was.peakNetPct().compareTo(net) >= 0 ? was : new Episode(route, was.start(), null, net)));
        return ended;
    }

    /** The episodes still going on. */
    public synchronized List<Episode> ongoing() {
        return List.copyOf(open.values());
    }
}
