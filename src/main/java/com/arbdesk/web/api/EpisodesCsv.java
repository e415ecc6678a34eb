package com.arbdesk.web.api;

import com.arbdesk.arbitrage.Episode;
import java.time.Instant;
import java.util.List;

/** The opportunity log as CSV (RFC 4180: CRLF lines, a header, fields quoted when they need it). */
final class EpisodesCsv {
    static final String HEADER = "pair,buy_exchange,sell_exchange,size_usd,started_at,ended_at,duration_seconds,peak_net_pct,ongoing";

    private EpisodesCsv() {
    }

    static String of(List<Episode> episodes, Instant now) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (Episode e : episodes) {
            out.append(String.join(",", field(e.route().pair()), field(e.route().buyExchange()), field(e.route().sellExchange()),
                    e.route().sizeText(), e.start().toString(), e.end() == null ? "" : e.end().toString(),
                    Long.toString(e.duration(now).toSeconds()), e.peakNetPct().toPlainString(), Boolean.toString(e.ongoing())))
                    .append("\r\n");
        }
        return out.toString();
    }

    // names come from the configuration, but a spreadsheet must never read one as a formula or split it
    private static String field(String s) {
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
