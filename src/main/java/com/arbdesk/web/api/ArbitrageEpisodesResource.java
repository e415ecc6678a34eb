package com.arbdesk.web.api;

import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.arbitrage.Episode;
import com.arbdesk.arbitrage.EpisodeLog;
import com.arbdesk.auth.Roles;
import com.arbdesk.core.Failure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** GET /api/arbitrage/episodes (JSON) and /api/arbitrage/episodes/csv: the opportunity log of the last 24 hours. */
@RolesAllowed(Roles.USER)
@jakarta.ws.rs.Path("arbitrage/episodes")
public class ArbitrageEpisodesResource {
    static final Duration WINDOW = Duration.ofHours(24);

    @Inject
    ArbitrageService arbitrage;
    @Inject
    EpisodeLog log;

    /** One episode on the wire. */
    public record EpisodeView(String pair, String buyExchange, String sellExchange, String sizeUsd, Instant startedAt,
                              Instant endedAt, long durationSeconds, String peakNetPct, boolean ongoing) {
        static EpisodeView of(Episode e, Instant now) {
            return new EpisodeView(e.route().pair(), e.route().buyExchange(), e.route().sellExchange(), e.route().sizeText(),
                    e.start(), e.end(), e.duration(now).toSeconds(), e.peakNetPct().toPlainString(), e.ongoing());
        }
    }

    /** A route's typical episode. */
    public record TypicalView(String pair, String buyExchange, String sellExchange, String sizeUsd, int episodes,
                              long medianDurationSeconds, String bestPeakNetPct) {
        static TypicalView of(EpisodeLog.Typical t) {
            return new TypicalView(t.route().pair(), t.route().buyExchange(), t.route().sellExchange(), t.route().sizeText(),
                    t.episodes(), t.medianDuration().toSeconds(), t.bestPeakNetPct().toPlainString());
        }
    }

    /** The answer, with what the filters can choose from. */
    public record EpisodesResponse(Instant from, Instant to, List<String> pairs, List<String> exchanges, List<String> sizesUsd,
                                   List<TypicalView> typical, List<EpisodeView> episodes) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public EpisodesResponse episodes(@QueryParam("pair") String pair, @QueryParam("exchange") String exchange,
                                     @QueryParam("size") String size, @QueryParam("min_duration") String minDuration) {
        EpisodeLog.View v = log.recent(WINDOW, filter(pair, exchange, size, minDuration));
        ArbitrageService.Settings s = arbitrage.settings();
        return new EpisodesResponse(v.from(), v.to(), s.pairs(), s.exchanges(),
                s.engine().sizesUsd().stream().map(BigDecimal::toPlainString).toList(),
                v.typical().stream().map(TypicalView::of).toList(),
                v.episodes().stream().map(e -> EpisodeView.of(e, v.to())).toList());
    }

    @GET
    @jakarta.ws.rs.Path("csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("pair") String pair, @QueryParam("exchange") String exchange,
                        @QueryParam("size") String size, @QueryParam("min_duration") String minDuration) {
        EpisodeLog.View v = log.recent(WINDOW, filter(pair, exchange, size, minDuration));
        return Response.ok(EpisodesCsv.of(v.episodes(), v.to()), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"arbdesk-opportunities.csv\"")
                .build();
    }

    private static EpisodeLog.Filter filter(String pair, String exchange, String size, String minDuration) {
        return new EpisodeLog.Filter(blank(pair), blank(exchange), size(size), seconds(minDuration));
    }

    private static BigDecimal size(String raw) {
        if (blank(raw) == null) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw Failure.invalid("size", "size must be a number of USD, like 1000");
        }
    }

    private static Duration seconds(String raw) {
        if (blank(raw) == null) {
            return null;
        }
        try {
            long n = Long.parseLong(raw.trim());
            if (n < 0 || n > WINDOW.toSeconds()) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(n);
        } catch (NumberFormatException e) {
            throw Failure.invalid("min_duration", "min_duration must be whole seconds from 0 to " + WINDOW.toSeconds());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
