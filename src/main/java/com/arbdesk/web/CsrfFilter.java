package com.arbdesk.web;

import com.arbdesk.App;
import com.arbdesk.auth.AuthCookies;
import com.arbdesk.auth.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Double-submit CSRF protection. A state-changing request that a browser could send with the
 * session cookie must echo the XSRF-TOKEN cookie: API calls in the X-CSRF-Token header, JSP forms
 * in the {@code _csrf} field. Bearer-token calls carry no ambient credentials and need none; the
 * provider's IPN is authenticated by its signature instead.
 */
public final class CsrfFilter extends HttpFilter {
    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "_csrf";
    public static final String REQUEST_ATTRIBUTE = "csrfToken";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private transient App app;

    @Override
    public void init() {
        app = App.from(getServletContext());
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Optional<CurrentUser> user = CurrentUser.of(req);
        boolean bearer = user.map(CurrentUser::viaBearer).orElse(false);
        if (!bearer) {
            req.setAttribute(REQUEST_ATTRIBUTE, AuthCookies.ensureXsrf(req, resp, app.config().secureCookies()));
        }
        // the provider API is called server-to-server with its key; the sandbox controls take JSON only
        boolean exempt = path.startsWith("/api/nowpayments/") || path.startsWith("/sandbox/nowpayments/v1/")
                || path.startsWith("/sandbox/nowpayments/control");
        if (SAFE.contains(req.getMethod()) || bearer || exempt) {
            chain.doFilter(req, resp);
            return;
        }
        boolean api = path.startsWith("/api/");
        boolean hasSession = AuthCookies.read(req, AuthCookies.SESSION).isPresent();
        if (api && !hasSession) {
            // no ambient credentials to abuse (sign-up and login from scripts and API clients)
            chain.doFilter(req, resp);
            return;
        }
        Optional<String> expected = AuthCookies.read(req, AuthCookies.XSRF);
        String sent = api ? req.getHeader(HEADER) : req.getParameter(FIELD);
        if (expected.isPresent() && sent != null && constantTimeEquals(expected.get(), sent)) {
            chain.doFilter(req, resp);
            return;
        }
        if (api) {
            ErrorBody.write(resp, ErrorCode.CSRF_FAILED, "Missing or wrong " + HEADER + " header; reload the page and try again");
        } else {
            req.setAttribute("errorMessage", "Your form expired. Go back, reload the page and try again.");
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
