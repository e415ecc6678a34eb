package com.arbdesk.web.api;

import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.arbitrage.ExchangeHealth;
import com.arbdesk.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Collection;

/** GET /api/admin/market-data: market data health per exchange (last success, errors, latency) for admins. */
@RolesAllowed(Roles.ADMIN)
@Path("admin/market-data")
@Produces(MediaType.APPLICATION_JSON)
public class MarketDataResource {
    @Inject
    ArbitrageService arbitrage;

    /** The source and each exchange's health. */
    public record MarketDataResponse(String source, Instant updatedAt, Collection<ExchangeHealth> exchanges) {
    }

    @GET
    public MarketDataResponse marketData() {
        ArbitrageService.Snapshot s = arbitrage.snapshot();
        return new MarketDataResponse(s.source(), s.updatedAt(), s.health().values());
    }
}
