package com.arbdesk.web;

import com.arbdesk.config.Cidr;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Behind a reverse proxy (TRUSTED_PROXIES): when the connection comes from a trusted proxy, the client is the
 * last X-Forwarded-For address that is not itself a trusted proxy, and X-Forwarded-Proto gives the scheme, so
 * throttling, the IPN log, sessions, audit rows and the origin check see the real client. Headers from anyone
 * else are ignored: a client cannot choose its own address. The same rules as Tomcat's RemoteIpValve, with
 * CIDR ranges instead of regular expressions, and the same in the embedded server and a standalone Tomcat.
 */
public final class ForwardedFilter extends HttpFilter {
    private transient List<Cidr> trusted;

    @Override
    public void init() {
        trusted = Services.from(getServletContext()).config().ops().trustedProxies();
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (trusted.isEmpty() || !Cidr.anyContains(trusted, req.getRemoteAddr())) {
            chain.doFilter(req, resp);
            return;
        }
        String client = client(req.getHeaders("X-Forwarded-For"), trusted);
        String proto = proto(req.getHeader("X-Forwarded-Proto"));
        if (client == null && proto == null) {
            chain.doFilter(req, resp);
            return;
        }
        chain.doFilter(new Forwarded(req, client, proto), resp);
    }

    /** The right-most X-Forwarded-For entry that is not a trusted proxy; null when the header is absent or malformed. */
    static String client(java.util.Enumeration<String> headers, List<Cidr> trusted) {
        List<String> hops = new java.util.ArrayList<>();
        while (headers.hasMoreElements()) {
            for (String h : headers.nextElement().split(",")) {
                hops.add(h.trim());
            }
        }
        String candidate = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (Cidr.literal(hop) == null) {
                return candidate; // a malformed hop: nothing left of it can be trusted
            }
            candidate = hop;
            if (!Cidr.anyContains(trusted, hop)) {
                return hop;
            }
        }
        return candidate;
    }

    static String proto(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.split(",");
        String last = parts[parts.length - 1].trim().toLowerCase(Locale.ROOT);
        return last.equals("https") || last.equals("http") ? last : null;
    }

    /** The request as the client made it. */
    private static final class Forwarded extends HttpServletRequestWrapper {
        private final String client;
        private final String proto;

        Forwarded(HttpServletRequest req, String client, String proto) {
            super(req);
            this.client = client;
            this.proto = proto;
        }

        @Override
        public String getRemoteAddr() {
            return client != null ? client : super.getRemoteAddr();
        }

        @Override
        public String getRemoteHost() {
            return client != null ? client : super.getRemoteHost();
        }

        @Override
        public String getScheme() {
            return proto != null ? proto : super.getScheme();
        }

        @Override
        public boolean isSecure() {
            return proto != null ? proto.equals("https") : super.isSecure();
        }

        @Override
        public int getServerPort() {
            if (proto == null) {
                return super.getServerPort();
            }
            return proto.equals("https") ? 443 : 80;
        }
    }
}
