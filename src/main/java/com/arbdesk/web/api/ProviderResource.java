package com.arbdesk.web.api;

import com.arbdesk.auth.Roles;
import com.arbdesk.config.AppConfig;
import com.arbdesk.nowpayments.ProviderHealth;
import com.arbdesk.nowpayments.ProviderMonitor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** GET /api/admin/provider: the NOWPayments start-up check result; POST .../recheck runs it again. */
@RolesAllowed(Roles.ADMIN)
@Path("admin/provider")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderResource {
    @Inject
    ProviderMonitor monitor;
    @Inject
    AppConfig config;

    /** The provider's health as the back office shows it. */
    public record ProviderResponse(String state, boolean healthy, boolean reachable, boolean keyValid, String apiUrl,
                                   boolean builtInSandbox, List<String> enabledCoins, List<String> missingCoins,
                                   String message, List<String> hints, Instant checkedAt, String invoiceRecovery) {
        public static ProviderResponse of(ProviderHealth h, AppConfig config) {
            boolean sandbox = config.sandbox().enabled() && config.nowPaymentsApiUrl().startsWith(config.baseUrl() + "/sandbox/");
            if (h == null) {
                return new ProviderResponse("checking", false, false, false, config.nowPaymentsApiUrl(), sandbox, List.of(),
                        List.of(), "The start-up check has not finished yet", List.of(), null, null);
            }
            return new ProviderResponse(h.healthy() ? "healthy" : "unhealthy", h.healthy(), h.reachable(), h.keyValid(),
                    config.nowPaymentsApiUrl(), sandbox, h.enabledCoins(), h.missingCoins(), h.message(), h.hints(),
                    h.checkedAt(), h.invoiceRecovery());
        }
    }

    @GET
    public ProviderResponse current() {
        return ProviderResponse.of(monitor.current().orElse(null), config);
    }

    @POST
    @Path("recheck")
    public ProviderResponse recheck() {
        return ProviderResponse.of(monitor.recheck(), config);
    }
}
