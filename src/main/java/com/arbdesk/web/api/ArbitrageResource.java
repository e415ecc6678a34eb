package com.arbdesk.web.api;

import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.arbitrage.HoldingsRanking;
import com.arbdesk.arbitrage.Opportunity;
import com.arbdesk.arbitrage.SizeResult;
import com.arbdesk.arbitrage.Transfer;
import com.arbdesk.arbitrage.TriangularEngine;
import com.arbdesk.auth.Roles;
import com.arbdesk.core.Failure;
import com.arbdesk.deposit.DepositService;
import com.arbdesk.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * GET /api/arbitrage/opportunities: the scanner's latest opportunities for any logged-in user, with filters; GET
 * /api/arbitrage/triangular: the latest triangular cycles within each exchange. With rank_for=me the opportunities
 * are ranked by the coins the caller holds or is depositing (their deposits, read through the deposit service).
 */
@RolesAllowed(Roles.USER)
@Path("arbitrage")
@Produces(MediaType.APPLICATION_JSON)
public class ArbitrageResource {
    @Inject
    ArbitrageService arbitrage;
    @Inject
    DepositService deposits;
    @Inject
    ArbitrageFeed feed;
    @Context
    HttpServletRequest req;

    /**
     * One size bucket on the wire; decimals as strings; reason: why it is not fillable beyond depth (below_min_withdrawal);
     * captureOddsPct and pastEpisodes: the capture odds of the route at this size (both null when the transfer time is
     * not known; the odds alone null when the route has no past episodes at this size).
     */
    public record SizeView(String sizeUsd, String baseAmount, String buyVwap, String sellVwap, String netPct, String profitUsd,
                           boolean fillable, String reason, String captureOddsPct, Integer pastEpisodes) {
        static SizeView of(SizeResult s) {
            return new SizeView(plain(s.sizeUsd()), plain(s.baseAmount()), plain(s.buyVwap()), plain(s.sellVwap()),
                    plain(s.netPct()), plain(s.profitUsd()), s.fillable(), s.reason(),
                    s.captureOdds() == null ? null : plain(s.captureOdds().pct()),
                    s.captureOdds() == null ? null : s.captureOdds().episodes());
        }
    }

    /** How the coin would move on the wire: null fields are not known; times in seconds, odds in % (null: no past episodes). */
    public record TransferView(String asset, String network, String status, String reason, String withdrawalFee,
                               String minWithdrawal, Long timeSeconds, String captureOddsPct, int pastEpisodes) {
        static TransferView of(Transfer t) {
            return t == null ? null : new TransferView(t.asset(), t.network(), t.status().wire(), t.reason(),
                    plain(t.withdrawalFee()), plain(t.minWithdrawal()), t.time() == null ? null : t.time().toSeconds(),
                    plain(t.captureOddsPct()), t.pastEpisodes());
        }
    }

    /** The deposit leg of the deposit-aware ranking on the wire (fee null: not known, counted as 0, see note). */
    public record DepositLegView(String coin, String network, String exchange, boolean pending, String fee, String note,
                                 String netAfterDepositPct) {
        static DepositLegView of(HoldingsRanking.DepositLeg l) {
            return l == null ? null : new DepositLegView(l.coin(), l.network(), l.exchange(), l.pending(), plain(l.fee()),
                    l.note(), plain(l.netAfterDepositPct()));
        }
    }

    /** One opportunity on the wire. */
    public record OpportunityView(String pair, String buyExchange, String sellExchange, String ask, String bid, String grossPct,
                                  String netPct, String estProfitUsd, long ageMs, long persistedSeconds, List<String> flags,
                                  List<SizeView> sizes, TransferView transfer, DepositLegView depositLeg) {
        static OpportunityView of(Opportunity o) {
            return of(o, null);
        }

        static OpportunityView of(Opportunity o, HoldingsRanking.DepositLeg leg) {
            return new OpportunityView(o.pair(), o.buyExchange(), o.sellExchange(), plain(o.ask()), plain(o.bid()),
                    plain(o.grossPct()), plain(o.netPct()), plain(o.estProfitUsd()), o.quoteAge().toMillis(),
                    o.persisted().toSeconds(), o.flags().stream().sorted().toList(), o.sizes().stream().map(SizeView::of).toList(),
                    TransferView.of(o.transfer()), DepositLegView.of(leg));
        }
    }

    /** A coin the ranking counted: held (a completed deposit) or pending (a deposit under way). */
    public record HoldingView(String coin, String network, boolean pending) {
    }

    /** The answer: which source, when, which version of the shared list (arbitrage_update deltas apply to it), and the rows; rankedFor and holdings say whose holdings ordered them. */
    public record OpportunitiesResponse(String source, Instant updatedAt, long version, List<String> pairs, List<String> exchanges,
                                        List<String> sizesUsd, List<OpportunityView> opportunities, String rankedFor,
                                        List<HoldingView> holdings) {
    }

    /** One leg of a triangular cycle on the wire. */
    public record LegView(String pair, String side, String from, String to, String in, String out, boolean complete) {
        static LegView of(TriangularEngine.Leg l) {
            return new LegView(l.pair(), l.buy() ? "buy" : "sell", l.from(), l.to(), plain(l.in()), plain(l.out()), l.complete());
        }
    }

    /** One triangular cycle on the wire: start and end amounts in the start coin. */
    public record CycleView(String exchange, List<String> path, String start, String end, String netPct, boolean fillable,
                            List<LegView> legs) {
        static CycleView of(TriangularEngine.Cycle c) {
            return new CycleView(c.exchange(), c.path(), plain(c.start()), plain(c.end()), plain(c.netPct()), c.fillable(),
                    c.legs().stream().map(LegView::of).toList());
        }
    }

    /** The triangular answer. */
    public record TriangularResponse(String source, Instant updatedAt, String startAsset, List<CycleView> cycles) {
    }

    @GET
    @Path("triangular")
    public TriangularResponse triangular(@QueryParam("exchange") String exchange) {
        ArbitrageService.Snapshot s = arbitrage.snapshot();
        String only = blank(exchange);
        return new TriangularResponse(s.source(), s.updatedAt(), ArbitrageService.TRIANGLE_START, s.triangles().stream()
                .filter(c -> only == null || c.exchange().equalsIgnoreCase(only)).map(CycleView::of).toList());
    }

    @GET
    @Path("opportunities")
    public OpportunitiesResponse opportunities(@QueryParam("min_net") String minNet, @QueryParam("pair") String pair,
                                               @QueryParam("exchange") String exchange, @QueryParam("size") String size,
                                               @QueryParam("rank_for") String rankFor) {
        ArbitrageService.Filter f = new ArbitrageService.Filter(decimal("min_net", minNet), blank(pair), blank(exchange),
                decimal("size", size));
        boolean forMe = rankedForMe(rankFor);
        ArbitrageFeed.Published published = feed.current();
        ArbitrageService.Snapshot s = published.snapshot();
        List<Opportunity> found = ArbitrageService.query(s, f);
        List<HoldingsRanking.Holding> holdings = forMe
                ? DepositHoldings.of(deposits, CurrentUser.of(req).orElseThrow().id(), s.updatedAt()) : List.of();
        List<OpportunityView> rows = forMe && arbitrage.transfers() != null
                ? HoldingsRanking.rank(found, holdings, arbitrage.transfers().book()).stream()
                        .map(r -> OpportunityView.of(r.opportunity(), r.leg())).toList()
                : found.stream().map(OpportunityView::of).toList();
        return new OpportunitiesResponse(s.source(), s.updatedAt(), published.version(), arbitrage.settings().pairs(), arbitrage.settings().exchanges(),
                arbitrage.settings().engine().sizesUsd().stream().map(BigDecimal::toPlainString).toList(), rows,
                forMe ? "me" : null, holdings.stream().map(h -> new HoldingView(h.coin(), h.network(), h.pending())).toList());
    }

    private static boolean rankedForMe(String rankFor) {
        String v = blank(rankFor);
        if (v != null && !v.equals("me")) {
            throw Failure.invalid("rank_for", "rank_for is 'me' (your holdings and deposits) or absent");
        }
        return v != null;
    }

    private static BigDecimal decimal(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw Failure.invalid(field, field + " must be a number");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }
}
