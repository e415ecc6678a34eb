package com.arbdesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Browser hardening headers on every response; pages are never framed by other sites. */
public final class SecurityHeadersFilter extends HttpFilter {
    /**
     * The headers every response carries. {@code connect-src 'self'} covers the page's own WebSocket (ws/wss to
     * the same host) and nothing else. The embedded server's error valve sends the same set (a test compares them).
     */
    public static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "SAMEORIGIN",
            "Referrer-Policy", "same-origin",
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                    + "connect-src 'self'; frame-ancestors 'self'; form-action 'self'");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HEADERS.forEach(resp::setHeader);
        if (!req.getServletPath().startsWith("/assets/")) {
            resp.setHeader("Cache-Control", "no-store");
        } else {
            resp.setHeader("Cache-Control", assetCaching(req.getParameter(AssetVersion.PARAMETER)));
        }
        chain.doFilter(req, resp);
    }

    /**
     * A fingerprinted asset URL ({@code ?v=} the current {@link AssetVersion}) never changes: a year, immutable.
     * Any other asset URL may change with the next deploy: a minute.
     */
    String assetCaching(String version) {
        return version != null && version.equals(assetVersion) ? "public, max-age=31536000, immutable" : "public, max-age=60";
    }

    private transient String assetVersion;

    @Override
    public void init() {
        assetVersion = AssetVersion.of(getServletContext());
    }

    /** For error pages the container renders without running the filters (a refused /WEB-INF or /com path). */
    public static void applyTo(HttpServletResponse resp) {
        HEADERS.forEach(resp::setHeader);
        resp.setHeader("Cache-Control", "no-store");
    }
}
