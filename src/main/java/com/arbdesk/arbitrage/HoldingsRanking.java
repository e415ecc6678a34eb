package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Ranks routes for a user by what they hold or are depositing: a route comes first when one of their coins, on its
 * network, can be deposited where the route needs it (the quote coin on the buy exchange, or the base coin on the
 * sell exchange, deposits open there on that network), best net spread after the deposit leg first. Routes whose
 * coin cannot move between the exchanges stay last. The rest keep the scanner's order.
 */
public final class HoldingsRanking {
    /** Exchanges credit deposits without a fee; what the sender pays its network is not known here. */
    public static final String FEE_NOTE = "deposit fee not known: counted as 0 (exchanges credit deposits free; "
            + "the sending network's fee is not included)";

    /** A coin on a network the user holds (a completed deposit) or is depositing (one still under way). */
    public record Holding(String coin, String network, boolean pending) {
        public Holding {
            coin = coin.toUpperCase(Locale.ROOT);
            network = network.toUpperCase(Locale.ROOT);
        }
    }

    /**
     * The deposit leg a holding gives a route: which coin on which network goes to which exchange, its fee (in the
     * coin; null when not known, then counted as zero with {@code note}) and the net % at the smallest size after it.
     */
    public record DepositLeg(String coin, String network, String exchange, boolean pending, BigDecimal fee, String note,
                             BigDecimal netAfterDepositPct) {
    }

    /** An opportunity in the user's order, with the deposit leg that put it there (null for routes no holding fits). */
    public record Ranked(Opportunity opportunity, DepositLeg leg) {
    }

    private HoldingsRanking() {
    }

    public static List<Ranked> rank(List<Opportunity> opportunities, List<Holding> holdings, TransferBook book) {
        List<Ranked> fitting = new ArrayList<>();
        List<Ranked> others = new ArrayList<>();
        List<Ranked> blocked = new ArrayList<>();
        for (Opportunity o : opportunities) {
            boolean stuck = o.transfer() != null && o.transfer().status() == Transfer.Status.NOT_TRANSFERABLE;
            Optional<DepositLeg> leg = stuck ? Optional.empty() : leg(o, holdings, book);
            Ranked r = new Ranked(o, leg.orElse(null));
            (stuck ? blocked : leg.isPresent() ? fitting : others).add(r);
        }
        fitting.sort(Comparator.comparing((Ranked r) -> r.leg().netAfterDepositPct(),
                Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())).thenComparing(r -> r.leg().pending()));
        List<Ranked> out = new ArrayList<>(fitting);
        out.addAll(others);
        out.addAll(blocked);
        return out;
    }

    /** The first holding that can be deposited where this route needs it: a settled coin before a pending one. */
    static Optional<DepositLeg> leg(Opportunity o, List<Holding> holdings, TransferBook book) {
        return holdings.stream().sorted(Comparator.comparing(Holding::pending))
                .map(h -> h.coin().equals(o.quote()) ? leg(o, h, o.buyExchange(), book)
                        : h.coin().equals(o.base()) ? leg(o, h, o.sellExchange(), book) : Optional.<DepositLeg>empty())
                .flatMap(Optional::stream).findFirst();
    }

    private static Optional<DepositLeg> leg(Opportunity o, Holding h, String exchange, TransferBook book) {
        boolean open = book.rows(exchange, h.coin()).stream().anyMatch(s -> s.network().equals(h.network()) && s.depositOpen());
        // no exchange in the table charges for deposits: the leg costs nothing we know of, and the note says so
        return open ? Optional.of(new DepositLeg(h.coin(), h.network(), exchange, h.pending(), null, FEE_NOTE, o.netPct()))
                : Optional.empty();
    }
}
