package com.arbdesk.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Helpers for the servlets that render JSP pages: forwarding, safe redirects and display formats. */
public final class Pages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Pages() {
    }

    /**
     * Big enough for every page (the dashboard is about 14 KiB): Tomcat's default 8 KiB made a page leave in several
     * chunked writes, one system call each; a page that fits goes out in one write with a Content-Length.
     */
    static final int PAGE_BUFFER = 64 * 1024;

    public static void render(HttpServletRequest req, HttpServletResponse resp, String jsp) throws ServletException, IOException {
        resp.setContentType("text/html;charset=UTF-8");
        if (!resp.isCommitted() && resp.getBufferSize() < PAGE_BUFFER) {
            try {
                resp.setBufferSize(PAGE_BUFFER);
            } catch (IllegalStateException e) {
                // something was already written (an error page after output): keep the buffer it has
            }
        }
        req.getRequestDispatcher("/WEB-INF/jsp/" + jsp).forward(req, resp);
    }

    /** Post/redirect/get: always a path inside this application. */
    public static void redirect(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        resp.sendRedirect(req.getContextPath() + path);
    }

    /**
     * A post-login target only when it parses as a same-origin path: no scheme, no authority, no {@code //}
     * or backslash start, no control character or whitespace anywhere (browsers drop TAB and newlines, so
     * {@code /\t/evil.example} would leave the site), and a canonical path. Anything else gets the fallback.
     */
    public static String safeNext(String next, String fallback) {
        if (next == null || next.isEmpty() || next.length() > 2048 || !next.startsWith("/") || next.startsWith("//")) {
            return fallback;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return fallback;
            }
        }
        try {
            URI uri = new URI(next);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || !CanonicalPathFilter.isCanonical(uri.getRawPath())) {
                return fallback;
            }
        } catch (URISyntaxException e) {
            return fallback;
        }
        return next;
    }

    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** The id at the end of a path like /admin/users/42, or -1. */
    public static long trailingId(String pathInfo) {
        if (pathInfo == null) {
            return -1;
        }
        String s = pathInfo.replaceAll("^/+|/+$", "");
        int slash = s.indexOf('/');
        String first = slash < 0 ? s : s.substring(0, slash);
        try {
            return Long.parseLong(first);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
