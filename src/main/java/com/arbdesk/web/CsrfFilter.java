package com.arbdesk.web;

import com.arbdesk.core.FailureCode;
import com.arbdesk.web.access.Routes;
import com.arbdesk.web.pages.ErrorPage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Signed double-submit CSRF protection. A state-changing request that a browser could send with the
 * session cookie must echo the XSRF-TOKEN cookie (API calls in the X-CSRF-Token header, JSP forms in the
 * {@code _csrf} field), and that token must be one this server signed for this very session
 * ({@link CsrfTokens}): a planted cookie with a matching header is refused. The token is re-issued whenever
 * the session cookie changes (login, logout). Bearer-token calls carry no ambient credentials and need
 * none; the provider's IPN is authenticated by its signature instead.
 */
public final class CsrfFilter extends HttpFilter {
    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "_csrf";
    public static final String REQUEST_ATTRIBUTE = "csrfToken";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private transient Services app;
    private transient CsrfTokens tokens;

    @Override
    public void init() {
        app = Services.from(getServletContext());
        tokens = new CsrfTokens(app.config().jwtSecret());
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = Routes.pathOf(req);
        if (path.startsWith("/api/nowpayments/") && !SAFE.contains(req.getMethod())) {
            // the provider's IPN, authenticated by its signature: no token to check, and no Set-Cookie on its answer
            chain.doFilter(req, resp);
            return;
        }
        Optional<CurrentUser> user = CurrentUser.of(req);
        boolean bearer = user.map(CurrentUser::viaBearer).orElse(false);
        // bound to the session the caller is logged in with; anonymous forms (login, sign-up) share the empty binding
        Optional<String> sessionCookie = AuthCookies.read(req, AuthCookies.SESSION);
        String session = user.isPresent() && !bearer ? sessionCookie.orElse("") : "";
        Optional<String> cookie = AuthCookies.read(req, AuthCookies.XSRF).filter(t -> tokens.valid(t, session));
        HttpServletResponse out = resp;
        if (!bearer) {
            req.setAttribute(REQUEST_ATTRIBUTE, cookie.orElseGet(() -> issue(req, resp, session)));
            out = new Rotating(req, resp);
        }
        // the provider API is called server-to-server with its key; the sandbox controls take JSON only
        boolean exempt = path.startsWith("/api/nowpayments/") || path.startsWith("/sandbox/nowpayments/v1/")
                || path.startsWith("/sandbox/nowpayments/control");
        boolean api = path.startsWith("/api/");
        boolean hasSession = sessionCookie.isPresent();
        // an API call without a session cookie has no ambient credentials to abuse (scripts signing up or logging in)
        if (SAFE.contains(req.getMethod()) || bearer || exempt || api && !hasSession) {
            chain.doFilter(req, out);
            return;
        }
        String sent = api ? req.getHeader(HEADER) : req.getParameter(FIELD);
        if (cookie.isPresent() && sent != null && constantTimeEquals(cookie.get(), sent)) {
            chain.doFilter(req, out);
            return;
        }
        if (api) {
            ErrorBody.write(resp, FailureCode.CSRF_FAILED, "Missing or wrong " + HEADER + " header; reload the page and try again");
        } else {
            req.setAttribute(ErrorPage.MESSAGE_ATTRIBUTE, "Your form expired. Go back, reload the page and try again.");
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private String issue(HttpServletRequest req, HttpServletResponse resp, String session) {
        String token = tokens.issue(session);
        AuthCookies.setXsrf(req, resp, token, app.config().secureCookies());
        return token;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Issues a token for the new session whenever the response sets or clears the session cookie. */
    private final class Rotating extends HttpServletResponseWrapper {
        private final HttpServletRequest req;

        Rotating(HttpServletRequest req, HttpServletResponse resp) {
            super(resp);
            this.req = req;
        }

        @Override
        public void addCookie(Cookie c) {
            super.addCookie(c);
            if (AuthCookies.SESSION.equals(c.getName())) {
                String session = c.getMaxAge() == 0 ? "" : c.getValue();
                req.setAttribute(REQUEST_ATTRIBUTE, issue(req, (HttpServletResponse) getResponse(), session));
            }
        }
    }
}
