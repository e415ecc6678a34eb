package com.arbdesk.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is short and made of safe characters
 * (a proxy's id joins the two logs), else a new one. It is in the logging MDC while the request runs (every
 * log line of the request carries it), echoed in the response header and written into every JSON error body.
 */
public final class RequestIdFilter extends HttpFilter {
    public static final String HEADER = "X-Request-Id";
    /** The MDC key, also the JSON log field. */
    public static final String MDC_KEY = "request_id";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();
    // what may reach a log line or a header from the caller: no spaces, quotes, control characters or line breaks
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String id = (String) req.getAttribute(ATTRIBUTE);
        if (id == null || req.getDispatcherType() == DispatcherType.REQUEST) {
            id = accept(req.getHeader(HEADER));
            req.setAttribute(ATTRIBUTE, id);
        }
        resp.setHeader(HEADER, id);
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(req, resp);
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    /** The caller's id if it is safe to log and echo, else a fresh one. */
    public static String accept(String header) {
        return header != null && SAFE.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    /** The id of the request this thread is serving, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
