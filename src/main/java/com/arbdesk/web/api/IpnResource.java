package com.arbdesk.web.api;

import com.arbdesk.config.Cidr;
import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import com.arbdesk.deposit.DepositUpdater;
import com.arbdesk.deposit.IpnIntake;
import com.arbdesk.deposit.IpnRefusedException;
import com.arbdesk.deposit.IpnVerdict;
import com.arbdesk.web.ErrorBody;
import com.arbdesk.web.Services;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * POST /api/nowpayments/ipn: NOWPayments' webhook. The body arrives as raw bytes (the signature is
 * over them); 64 KiB cap and JSON-only are enforced before this runs. 200 for anything handled,
 * including unknown payments (so the provider stops retrying); 500 on our errors so it retries; 403 from an
 * address outside NOWPAYMENTS_IPN_ALLOWED_IPS when that is set.
 * <p>
 * The one route that takes a flood (the provider's retries, or a forger's): one instance for the application (no
 * per-request injection), its meters looked up once per verdict, its answers written ahead, and a refusal answered
 * here rather than thrown through the exception mappers.
 */
@PermitAll
@Singleton
@Path("nowpayments/ipn")
public class IpnResource {
    @Inject
    IpnIntake intake;
    @Context
    HttpServletRequest req;

    /** What we tell the provider: {@code {"ok":true,"verdict":"applied"}}, one string per verdict. */
    private static final Map<IpnVerdict, String> ANSWERS = java.util.Arrays.stream(IpnVerdict.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(v -> v, v -> "{\"ok\":true,\"verdict\":\"" + v.wire() + "\"}"));

    /** arbdesk_ipn_total and arbdesk_ipn_handling_seconds, per verdict word, registered on first use. */
    private final Map<String, Meters> meters = new ConcurrentHashMap<>();

    private record Meters(Counter count, Timer time) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(byte[] body, @HeaderParam("x-nowpayments-sig") String signature) {
        Services app = Services.from(req.getServletContext());
        List<Cidr> allowed = app.config().ops().ipnAllowedIps();
        if (!allowed.isEmpty() && !Cidr.anyContains(allowed, req.getRemoteAddr())) {
            // NOWPAYMENTS_IPN_ALLOWED_IPS: refused before the body is read as an IPN, let alone verified or stored
            throw new Failure(FailureCode.FORBIDDEN, "IPNs are accepted from NOWPayments' addresses only");
        }
        long start = System.nanoTime();
        String verdict = "error";
        try {
            DepositUpdater.Outcome o = intake.receive(body == null ? new byte[0] : body, signature, req.getRemoteAddr());
            verdict = o.verdict().wire();
            return Response.ok(ANSWERS.get(o.verdict()), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (IpnRefusedException e) {
            verdict = e.verdict().wire();
            return ErrorBody.response(e.code(), e.getMessage(), null, null);
        } finally {
            // counted at the edge, the intake stays as it is
            Meters m = meters.computeIfAbsent(verdict, v -> register(app.metrics(), v));
            m.time().record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            m.count().increment();
        }
    }

    private static Meters register(MeterRegistry registry, String verdict) {
        return new Meters(Counter.builder("ipn").tag("verdict", verdict).register(registry),
                Timer.builder("ipn.handling").tag("verdict", verdict).register(registry));
    }
}
