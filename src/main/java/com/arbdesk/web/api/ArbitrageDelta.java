package com.arbdesk.web.api;

import com.arbdesk.web.api.ArbitrageResource.OpportunityView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two opportunity lists as the dashboard shows them, keyed by route (pair|buy|sell): the rows
 * added or whose shown fields changed, the routes gone, and the new order of routes when it is not the old one.
 * Two rows are the same when they would render the same: the quote age compared at the 0.1 s the table shows, the
 * persisted time (not shown) left out, so a quiet market sends nothing for a route.
 */
public record ArbitrageDelta(List<OpportunityView> upsert, List<String> remove, List<String> order) {

    public static String key(OpportunityView o) {
        return o.pair() + "|" + o.buyExchange() + "|" + o.sellExchange();
    }

    public static ArbitrageDelta between(List<OpportunityView> before, List<OpportunityView> after) {
        Map<String, OpportunityView> old = new LinkedHashMap<>();
        before.forEach(o -> old.put(key(o), o));
        List<OpportunityView> upsert = new ArrayList<>();
        List<String> order = new ArrayList<>(after.size());
        for (OpportunityView o : after) {
            String k = key(o);
            order.add(k);
            OpportunityView was = old.remove(k);
            if (was == null || !shown(was).equals(shown(o))) {
                upsert.add(o);
            }
        }
        List<String> remove = List.copyOf(old.keySet());
        boolean sameOrder = remove.isEmpty() && before.size() == after.size()
                && before.stream().map(ArbitrageDelta::key).toList().equals(order);
        return new ArbitrageDelta(List.copyOf(upsert), remove, sameOrder ? null : List.copyOf(order));
    }

    public boolean isEmpty() {
        return upsert.isEmpty() && remove.isEmpty() && order == null;
    }

    /** The row as the table renders it (see the class comment). */
    private static OpportunityView shown(OpportunityView o) {
        return new OpportunityView(o.pair(), o.buyExchange(), o.sellExchange(), o.ask(), o.bid(), o.grossPct(), o.netPct(),
                o.estProfitUsd(), (o.ageMs() + 50) / 100, 0, o.flags(), o.sizes(), o.transfer(), o.depositLeg());
    }
}
