package com.arbdesk.web;

import com.arbdesk.core.FailureCode;
import com.arbdesk.web.pages.ErrorPage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses, with 400 and before any application code runs, every request whose path is not in its one
 * canonical spelling: path parameters ({@code ;}), percent-encoding of any kind (no ArbDesk route has an
 * encoded character, so {@code %2f}, {@code %2e} and {@code %61dmin} are all refused), empty segments
 * ({@code //}), dot segments and backslashes. Tomcat routes on a normalised path while the raw URI keeps
 * the variant; refusing the variants means the path every later decision sees is the path the caller sent.
 */
public final class CanonicalPathFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String uri = req.getRequestURI();
        if (!isCanonical(uri)) {
            if (uri.startsWith(req.getContextPath() + "/api/")) {
                ErrorBody.write(resp, FailureCode.BAD_REQUEST, "The request path is not in canonical form");
            } else {
                req.setAttribute(ErrorPage.MESSAGE_ATTRIBUTE, "That address is not valid.");
                resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
            return;
        }
        chain.doFilter(req, resp);
    }

    /** True for a raw request path made only of plain, non-empty, non-dot segments. */
    static boolean isCanonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == ';' || c == '%' || c == '\\' || c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        // a trailing slash is an ordinary (empty last) segment; any other empty or dot segment is not
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if ((s.isEmpty() && !last) || s.equals(".") || s.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
