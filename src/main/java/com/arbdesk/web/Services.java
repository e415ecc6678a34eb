package com.arbdesk.web;

import com.arbdesk.admin.AdminService;
import com.arbdesk.alerts.AlertService;
import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.arbitrage.EpisodeLog;
import com.arbdesk.arbitrage.SpreadHistory;
import com.arbdesk.auth.AuthService;
import com.arbdesk.auth.SecondFactorService;
import com.arbdesk.config.AppConfig;
import com.arbdesk.core.db.Database;
import com.arbdesk.deposit.DepositAdmin;
import com.arbdesk.deposit.DepositService;
import com.arbdesk.deposit.IpnIntake;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.nowpayments.ProviderMonitor;
import com.arbdesk.realtime.LivePublisher;
import com.arbdesk.realtime.WsTokens;
import com.arbdesk.web.api.ArbitrageFeed;
import jakarta.servlet.ServletContext;
import java.time.Clock;

/**
 * What the web layer needs from the application: the services its pages, resources and filters call.
 * Boot builds the object graph, implements this and stores it in the servlet context; web never sees boot.
 */
public interface Services {
    String ATTRIBUTE = Services.class.getName();

    static Services from(ServletContext ctx) {
        Services s = (Services) ctx.getAttribute(ATTRIBUTE);
        if (s == null) {
            throw new IllegalStateException("ArbDesk did not start; see the start-up log");
        }
        return s;
    }

    AppConfig config();

    Clock clock();

    Database database();

    AuthService auth();

    SecondFactorService secondFactor();

    LedgerService ledger();

    AdminService admin();

    DepositService deposits();

    DepositAdmin depositAdmin();

    IpnIntake ipnIntake();

    ArbitrageService arbitrage();

    /** The versioned shared opportunity list and its deltas (what arbitrage_update carries). */
    ArbitrageFeed arbitrageFeed();

    SpreadHistory spreadHistory();

    EpisodeLog episodeLog();

    AlertService alerts();

    ProviderMonitor providerMonitor();

    LivePublisher livePublisher();

    WsTokens wsTokens();

    String version();

    /** Where the web edge counts (IPN verdicts and handling time); names get the arbdesk_ prefix. */
    io.micrometer.core.instrument.MeterRegistry metrics();

    /** The Prometheus text of every metric, for /metrics. */
    String scrapeMetrics();
}
