package com.arbdesk.sandbox;

import com.arbdesk.web.access.AccessFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The sandbox's own JAX-RS application: the provider API under /sandbox/nowpayments/v1 and the
 * payer controls under /sandbox/nowpayments/control. Errors use the provider's envelope, not ArbDesk's.
 * It has no {@code @ApplicationPath}: the start-up registers it only when the sandbox runs, so production
 * never builds it (nothing answers under {@link #PATH} there but the static files' 404).
 */
public class SandboxApplication extends ResourceConfig {
    /** Where the application is mapped, below the context path. */
    public static final String PATH = "/sandbox/nowpayments";

    public SandboxApplication(SandboxService sandbox) {
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        register(JacksonFeature.withoutExceptionMappers());
        register(new ContextResolver<ObjectMapper>() {
            private final ObjectMapper mapper = SandboxJson.MAPPER.copy()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

            @Override
            public ObjectMapper getContext(Class<?> type) {
                return mapper;
            }
        });
        register(SandboxErrors.class);
        register(FrameworkErrors.class);
        register(MalformedBody.class);
        register(AccessFeature.class);
        register(sandbox.rateLimit());
        register(SandboxApiResource.class);
        register(SandboxControlResource.class);
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(sandbox).to(SandboxService.class);
            }
        });
    }

    static Response envelope(SandboxError e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(SandboxJson.error(e)).build();
    }

    /** Sandbox failures in the provider's envelope. */
    public static final class SandboxErrors implements ExceptionMapper<SandboxError> {
        @Override
        public Response toResponse(SandboxError e) {
            return envelope(e);
        }
    }

    /** Unknown routes and wrong methods, also in the provider's envelope. */
    public static final class FrameworkErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return envelope(new SandboxError(status, status == 404 ? "NOT_FOUND" : "BAD_REQUEST",
                    status == 404 ? "Not found" : "Request failed with status " + status));
        }
    }

    /** A body that is not JSON. */
    public static final class MalformedBody implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return envelope(SandboxError.invalid("body must be valid JSON"));
        }
    }
}
