package com.arbdesk.web;

import com.arbdesk.admin.AdminService;
import com.arbdesk.alerts.AlertService;
import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.web.api.ArbitrageFeed;
import com.arbdesk.arbitrage.EpisodeLog;
import com.arbdesk.arbitrage.SpreadHistory;
import com.arbdesk.auth.AuthService;
import com.arbdesk.auth.SecondFactorService;
import com.arbdesk.config.AppConfig;
import com.arbdesk.deposit.DepositAdmin;
import com.arbdesk.deposit.DepositService;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.nowpayments.ProviderMonitor;
import com.arbdesk.realtime.WsTokens;
import com.arbdesk.web.access.AccessFeature;
import com.arbdesk.web.api.AdminDepositResource;
import com.arbdesk.web.api.AlertsResource;
import com.arbdesk.web.api.AdminResource;
import com.arbdesk.web.api.ArbitrageEpisodesResource;
import com.arbdesk.web.api.ArbitrageHistoryResource;
import com.arbdesk.web.api.ArbitrageResource;
import com.arbdesk.web.api.AuthResource;
import com.arbdesk.web.api.DepositResource;
import com.arbdesk.web.api.MarketDataResource;
import com.arbdesk.web.api.MeResource;
import com.arbdesk.web.api.OpenApiResource;
import com.arbdesk.web.api.SecondFactorResource;
import com.arbdesk.web.api.ProviderResource;
import com.arbdesk.web.api.TransactionsResource;
import com.arbdesk.web.api.WsTokenResource;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The JAX-RS application under /api: resources registered explicitly (no scanning) and the app's services bound for injection. */
@ApplicationPath("/api")
public class ArbDeskApplication extends ResourceConfig {

    public ArbDeskApplication(@Context ServletContext servletContext) {
        Services app = Services.from(servletContext);
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        register(JacksonFeature.withoutExceptionMappers());
        register(Json.class);
        register(ExceptionMappers.App.class);
        register(ExceptionMappers.Web.class);
        register(ExceptionMappers.MalformedJson.class);
        register(ExceptionMappers.Fallback.class);
        register(AccessFeature.class);
        register(AuthResource.class);
        register(MeResource.class);
        register(SecondFactorResource.class);
        register(TransactionsResource.class);
        register(AdminResource.class);
        register(ProviderResource.class);
        register(DepositResource.class);
        register(AdminDepositResource.class);
        register(WsTokenResource.class);
        register(ArbitrageResource.class);
        register(ArbitrageHistoryResource.class);
        register(ArbitrageEpisodesResource.class);
        register(MarketDataResource.class);
        register(AlertsResource.class);
        register(OpenApiResource.class);
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(app.config()).to(AppConfig.class);
                bind(app.auth()).to(AuthService.class);
                bind(app.secondFactor()).to(SecondFactorService.class);
                bind(app.ledger()).to(LedgerService.class);
                bind(app.admin()).to(AdminService.class);
                bind(app.providerMonitor()).to(ProviderMonitor.class);
                bind(app.deposits()).to(DepositService.class);
                bind(app.depositAdmin()).to(DepositAdmin.class);
                bind(app.wsTokens()).to(WsTokens.class);
                bind(app.arbitrage()).to(ArbitrageService.class);
                bind(app.arbitrageFeed()).to(ArbitrageFeed.class);
                bind(app.spreadHistory()).to(SpreadHistory.class);
                bind(app.episodeLog()).to(EpisodeLog.class);
                bind(app.alerts()).to(AlertService.class);
            }
        });
    }
}
