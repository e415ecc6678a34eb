package com.arbdesk.web.api;

import com.arbdesk.config.Cidr;
import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import com.arbdesk.deposit.DepositUpdater;
import com.arbdesk.deposit.IpnIntake;
import com.arbdesk.deposit.IpnRefusedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import com.arbdesk.web.Services;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * POST /api/nowpayments/ipn: NOWPayments' webhook. The body arrives as raw bytes (the signature is
 * over them); 64 KiB cap and JSON-only are enforced before this runs. 200 for anything handled,
 * including unknown payments (so the provider stops retrying); 500 on our errors so it retries; 403 from an
 * address outside NOWPAYMENTS_IPN_ALLOWED_IPS when that is set.
 */
@PermitAll
@Path("nowpayments/ipn")
public class IpnResource {
    @Inject
    IpnIntake intake;
    @Context
    HttpServletRequest req;

    /** What we tell the provider. */
    public record IpnAnswer(boolean ok, String verdict) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public IpnAnswer receive(byte[] body, @HeaderParam("x-nowpayments-sig") String signature) {
        Services app = Services.from(req.getServletContext());
        List<Cidr> allowed = app.config().ops().ipnAllowedIps();
        if (!allowed.isEmpty() && !Cidr.anyContains(allowed, req.getRemoteAddr())) {
            // NOWPAYMENTS_IPN_ALLOWED_IPS: refused before the body is read as an IPN, let alone verified or stored
            throw new Failure(FailureCode.FORBIDDEN, "IPNs are accepted from NOWPayments' addresses only");
        }
        Timer.Sample time = Timer.start();
        String verdict = "error";
        try {
            DepositUpdater.Outcome o = intake.receive(body == null ? new byte[0] : body, signature, req.getRemoteAddr());
            verdict = o.verdict().wire();
            return new IpnAnswer(true, verdict);
        } catch (IpnRefusedException e) {
            verdict = e.verdict().wire(); // counted here, answered by the mapper
            throw e;
        } finally {
            // arbdesk_ipn_total{verdict} and arbdesk_ipn_handling_seconds: counted at the edge, the intake stays as it is
            time.stop(Timer.builder("ipn.handling").tag("verdict", verdict).register(app.metrics()));
            Counter.builder("ipn").tag("verdict", verdict).register(app.metrics()).increment();
        }
    }
}
