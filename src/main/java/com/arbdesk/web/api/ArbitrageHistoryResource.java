package com.arbdesk.web.api;

import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.arbitrage.HistoryRange;
import com.arbdesk.arbitrage.SpreadHistory;
import com.arbdesk.arbitrage.SpreadPoint;
import com.arbdesk.arbitrage.SpreadSeries;
import com.arbdesk.auth.Roles;
import com.arbdesk.core.Failure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** GET /api/arbitrage/history: one route's gross and net spread over time, every size, for any logged-in user. */
@RolesAllowed(Roles.USER)
@jakarta.ws.rs.Path("arbitrage/history")
@Produces(MediaType.APPLICATION_JSON)
public class ArbitrageHistoryResource {
    @Inject
    ArbitrageService arbitrage;
    @Inject
    SpreadHistory history;

    /** One point on the wire: epoch milliseconds, decimals as strings (the chart parses them for plotting only). */
    public record PointView(long t, String grossPct, String netPct, String netMaxPct, int samples, int profitableSamples) {
        static PointView of(SpreadPoint p) {
            return new PointView(p.at().toEpochMilli(), p.grossPct().toPlainString(), p.netPct().toPlainString(),
                    p.netMaxPct().toPlainString(), p.samples(), p.profitableSamples());
        }
    }

    /** One size's points. */
    public record SizeView(String sizeUsd, List<PointView> points) {
    }

    /** The answer. */
    public record HistoryResponse(String route, String pair, String buyExchange, String sellExchange, String range,
                                  long stepSeconds, Instant from, Instant to, List<SizeView> sizes) {
    }

    /** route is pair|buy exchange|sell exchange (as the opportunities list names them); range 1h, 24h, 7d or 30d. */
    @GET
    public HistoryResponse history(@QueryParam("route") String route, @QueryParam("range") String range) {
        String[] parts = route == null ? new String[0] : route.trim().split("\\|", -1);
        if (parts.length != 3) {
            throw Failure.invalid("route", "route must be pair|buy exchange|sell exchange, like BTC/USDT|binance|kraken");
        }
        ArbitrageService.Settings s = arbitrage.settings();
        String pair = known("route", parts[0], s.pairs(), "pair");
        String buy = known("route", parts[1], s.exchanges(), "exchange");
        String sell = known("route", parts[2], s.exchanges(), "exchange");
        HistoryRange r = range == null || range.isBlank() ? HistoryRange.HOUR : HistoryRange.fromWire(range.trim())
                .orElseThrow(() -> Failure.invalid("range", "range must be 1h, 24h, 7d or 30d"));
        SpreadSeries series = history.series(pair, buy, sell, r);
        return new HistoryResponse(pair + "|" + buy + "|" + sell, pair, buy, sell, r.wire(), series.step().toSeconds(),
                series.from(), series.to(), series.sizes().stream()
                        .map(z -> new SizeView(z.sizeUsd().toPlainString(), z.points().stream().map(PointView::of).toList()))
                        .toList());
    }

    private static String known(String field, String value, List<String> allowed, String what) {
        return allowed.stream().filter(a -> a.equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> Failure.invalid(field, "unknown " + what + " '" + value + "' (watched: " + String.join(", ", allowed) + ")"));
    }
}
