package com.arbdesk.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Helpers for the servlets that render JSP pages: forwarding, safe redirects and display formats. */
public final class Pages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Pages() {
    }

    public static void render(HttpServletRequest req, HttpServletResponse resp, String jsp) throws ServletException, IOException {
        resp.setContentType("text/html;charset=UTF-8");
        req.getRequestDispatcher("/WEB-INF/jsp/" + jsp).forward(req, resp);
    }

    /** Post/redirect/get: always a path inside this application. */
    public static void redirect(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        resp.sendRedirect(req.getContextPath() + path);
    }

    /** A post-login target only when it is a local path (never another host: no open redirect). */
    public static String safeNext(String next, String fallback) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.contains("\r")
                || next.contains("\n")) {
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
