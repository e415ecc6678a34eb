package com.arbdesk.sandbox;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Plays the provider's rate limit: while the control API has asked for it, calls to the provider API
 * are answered as NOWPayments' nginx does, {@code 429} with an HTML page and no Retry-After, before
 * the key is even looked at.
 */
final class SandboxRateLimit implements ContainerRequestFilter {
    static final String PAGE = "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n"
            + "<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private final SandboxService sandbox;

    SandboxRateLimit(SandboxService sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("v1/") && sandbox.takeRateLimit(request.getMethod() + " /" + path.substring(3))) {
            request.abortWith(Response.status(429).type(MediaType.TEXT_HTML_TYPE).entity(PAGE).build());
        }
    }
}
