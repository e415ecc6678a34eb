package com.arbdesk.sandbox;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the provider's rate limit: while the control API has asked for it, calls to the provider API
 * are answered as NOWPayments' nginx does, {@code 429} with an HTML page and no Retry-After, before
 * the key is even looked at.
 */
public final class SandboxRateLimit implements ContainerRequestFilter {
    static final String PAGE = "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n"
            + "<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    /** Route ("POST /payment", "GET /payment", or "*" for any) to how many more calls answer 429. */
    private final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();

    /**
     * The next {@code count} calls to {@code route} ("POST /payment"; "GET /payment" also covers
     * "GET /payment/{id}"; "*" or null any call) answer 429.
     */
    public int set(String route, int count) {
        if (count < 0 || count > 1000) {
            throw SandboxError.invalid("requests must be 0 to 1000");
        }
        String key = route == null || route.isBlank() ? "*" : route.trim();
        if (!key.equals("*") && !key.matches("(GET|POST) /[a-z/-]+")) {
            throw SandboxError.invalid("route looks like \"POST /payment\" or \"*\"");
        }
        remaining.put(key, new AtomicInteger(count));
        return count;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("v1/") && take(request.getMethod() + " /" + path.substring(3))) {
            request.abortWith(Response.status(429).type(MediaType.TEXT_HTML_TYPE).entity(PAGE).build());
        }
    }

    /** True (and one fewer left) when this call is to be refused. */
    private boolean take(String route) {
        for (Map.Entry<String, AtomicInteger> e : remaining.entrySet()) {
            String key = e.getKey();
            boolean matches = key.equals("*") || route.equals(key) || route.startsWith(key + "/");
            if (matches && e.getValue().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return true;
            }
        }
        return false;
    }
}
