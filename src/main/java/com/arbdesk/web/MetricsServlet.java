package com.arbdesk.web;

import com.arbdesk.config.AppConfig;
import com.arbdesk.config.Cidr;
import com.arbdesk.core.FailureCode;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * GET /metrics: the Prometheus text, for the scraper only: it must send METRICS_TOKEN as a bearer token or
 * come from METRICS_ALLOWED_IPS. Declared public because it is not for users: it checks its own credential,
 * and answers 404 when neither setting is present (metrics off).
 */
@PermitAll
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Services app = Services.from(getServletContext());
        AppConfig.Operations ops = app.config().ops();
        if (ops.metricsToken().isEmpty() && ops.metricsAllowedIps().isEmpty()) {
            ErrorBody.write(resp, FailureCode.NOT_FOUND, "Metrics are off (set METRICS_TOKEN or METRICS_ALLOWED_IPS)");
            return;
        }
        boolean byToken = ops.metricsToken().map(t -> bearerIs(req.getHeader("Authorization"), t)).orElse(false);
        if (!byToken && !Cidr.anyContains(ops.metricsAllowedIps(), req.getRemoteAddr())) {
            resp.setHeader("WWW-Authenticate", "Bearer");
            ErrorBody.write(resp, FailureCode.UNAUTHENTICATED, "Send the metrics token as a bearer token");
            return;
        }
        resp.setContentType("text/plain; version=0.0.4");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(app.scrapeMetrics());
    }

    /** Constant-time: the comparison does not tell how much of a guess was right. */
    static boolean bearerIs(String header, String token) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
