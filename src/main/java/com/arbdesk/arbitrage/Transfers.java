package com.arbdesk.arbitrage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Annotates each round's opportunities with their transfer (network, status, time) and capture odds, and ranks
 * the ones whose coin cannot move after those that can (a stable sort: within each group the engine's order stays).
 */
public final class Transfers {
    private static final Comparator<Opportunity> MOVABLE_FIRST = Comparator.comparing(
            o -> o.transfer() == null ? Transfer.Status.UNKNOWN : o.transfer().status());

    private final TransferBook book;
    private final CaptureOdds odds;

    public Transfers(TransferBook book, CaptureOdds odds) {
        this.book = book;
        this.odds = odds;
    }

    public TransferBook book() {
        return book;
    }

    public List<Opportunity> annotate(List<Opportunity> opportunities) {
        return opportunities.stream().map(this::annotate).sorted(MOVABLE_FIRST).toList();
    }

    Opportunity annotate(Opportunity o) {
        // the plan the engine priced the route with (its network's fee is in the net %), else planned now
        Transfer t = o.transfer() != null ? o.transfer() : book.plan(o.base(), o.buyExchange(), o.sellExchange());
        if (t.time() == null || o.sizes().isEmpty()) {
            return o.withTransfer(t);
        }
        // each size against the route's past episodes at that size; the row's own figure is its smallest size's,
        // the size its net % is quoted at
        List<SizeResult> sizes = new ArrayList<>();
        for (SizeResult s : o.sizes()) {
            sizes.add(s.withCaptureOdds(odds.of(new Route(o.pair(), o.buyExchange(), o.sellExchange(), s.sizeUsd()), t.time())));
        }
        CaptureOdds.Odds smallest = sizes.stream().min(Comparator.comparing(SizeResult::sizeUsd)).orElseThrow().captureOdds();
        return o.withTransfer(t.withCaptureOdds(smallest.pct(), smallest.episodes()), sizes);
    }
}
