package com.arbdesk.web.api;

import com.arbdesk.config.Cidr;
import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import com.arbdesk.deposit.DepositUpdater;
import com.arbdesk.deposit.IpnRefusedException;
import com.arbdesk.deposit.IpnVerdict;
import com.arbdesk.web.BodyLimitFilter;
import com.arbdesk.web.ErrorBody;
import com.arbdesk.web.Services;
import com.arbdesk.web.access.JsonRoute;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * POST /api/nowpayments/ipn: NOWPayments' webhook. The body arrives as raw bytes (the signature is over them); the
 * 64 KiB cap is enforced before this runs. 200 for anything handled, including unknown payments (so the provider
 * stops retrying); 500 on our errors so it retries; 403 from an address outside NOWPAYMENTS_IPN_ALLOWED_IPS when that
 * is set. Every refusal is the JSON error body, as from any API route.
 * <p>
 * Why a servlet and not a Jersey resource like the rest of the API: it is the one route that takes floods (the
 * provider's retries, or a forger's), and the benchmark (BENCHMARKS.md, issue #13) measured Jersey's per-request
 * work (routing, request scope, injection, entity providers) at more than half of this route's server time. Here it
 * reads the bytes, hands them to the intake and writes an answer prepared ahead. The filters (request id, headers,
 * canonical path, body cap, access, CSRF) run as for every route.
 */
@PermitAll
@JsonRoute
@WebServlet("/api/nowpayments/ipn")
public final class IpnServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(IpnServlet.class.getName());

    /** What we tell the provider: {@code {"ok":true,"verdict":"applied"}}, one answer per verdict. */
    private static final Map<IpnVerdict, byte[]> ANSWERS = Arrays.stream(IpnVerdict.values()).collect(Collectors.toUnmodifiableMap(
            v -> v, v -> ("{\"ok\":true,\"verdict\":\"" + v.wire() + "\"}").getBytes(StandardCharsets.UTF_8)));

    /** arbdesk_ipn_total and arbdesk_ipn_handling_seconds per verdict word, registered on first use. */
    private final transient Map<String, Meters> meters = new ConcurrentHashMap<>();

    private record Meters(Counter count, Timer time) {
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"POST".equals(req.getMethod())) {
            resp.setHeader("Allow", "POST");
            ErrorBody.write(resp, FailureCode.METHOD_NOT_ALLOWED, "This method is not allowed here");
            return;
        }
        if (!isJson(req.getContentType())) {
            ErrorBody.write(resp, FailureCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
            return;
        }
        if (!acceptsJson(req.getHeader("Accept"))) {
            ErrorBody.write(resp, FailureCode.NOT_ACCEPTABLE, "This resource answers application/json only");
            return;
        }
        Services app = Services.from(getServletContext());
        List<Cidr> allowed = app.config().ops().ipnAllowedIps();
        if (!allowed.isEmpty() && !Cidr.anyContains(allowed, req.getRemoteAddr())) {
            // NOWPAYMENTS_IPN_ALLOWED_IPS: refused before the body is read as an IPN, let alone verified or stored
            ErrorBody.write(resp, FailureCode.FORBIDDEN, "IPNs are accepted from NOWPayments' addresses only");
            return;
        }
        byte[] body;
        try {
            body = req.getInputStream().readAllBytes();
        } catch (BodyLimitFilter.BodyTooLargeException e) {
            ErrorBody.write(resp, FailureCode.PAYLOAD_TOO_LARGE, e.getMessage());
            return;
        }
        receive(app, req, resp, body);
    }

    private void receive(Services app, HttpServletRequest req, HttpServletResponse resp, byte[] body) throws IOException {
        long start = System.nanoTime();
        String verdict = "error";
        try {
            DepositUpdater.Outcome o = app.ipnIntake().receive(body, req.getHeader("x-nowpayments-sig"), req.getRemoteAddr());
            verdict = o.verdict().wire();
            byte[] answer = ANSWERS.get(o.verdict());
            resp.setStatus(200);
            resp.setContentType("application/json");
            resp.setContentLength(answer.length);
            resp.getOutputStream().write(answer);
        } catch (IpnRefusedException e) {
            verdict = e.verdict().wire();
            ErrorBody.write(resp, e.code(), e.getMessage());
        } catch (Failure e) {
            if (e.retryAfterSeconds() != null) {
                resp.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            }
            ErrorBody.write(resp, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            // our error: 500, so the provider retries; the cause goes to the log, never to the caller
            LOG.log(Level.SEVERE, "unhandled error while receiving an IPN", e);
            ErrorBody.write(resp, FailureCode.INTERNAL, "Something went wrong on our side");
        } finally {
            // counted at the edge, the intake stays as it is
            Meters m = meters.computeIfAbsent(verdict, v -> register(app.metrics(), v));
            m.time().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            m.count().increment();
        }
    }

    /** {@code application/json}, with or without parameters (a charset, say), in any case. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().equalsIgnoreCase("application/json");
    }

    /** No Accept header, or one that admits application/json (directly or by a wildcard), as Jersey decides it. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String part : accept.split(",")) {
            int semi = part.indexOf(';');
            String range = (semi < 0 ? part : part.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
            boolean refused = semi >= 0 && part.substring(semi).replace(" ", "").matches(".*;q=0(\\.0*)?(;.*)?$");
            if (!refused && (range.equals("application/json") || range.equals("*/*") || range.equals("application/*"))) {
                return true;
            }
        }
        return false;
    }

    private static Meters register(MeterRegistry registry, String verdict) {
        return new Meters(Counter.builder("ipn").tag("verdict", verdict).register(registry),
                Timer.builder("ipn.handling").tag("verdict", verdict).register(registry));
    }
}
