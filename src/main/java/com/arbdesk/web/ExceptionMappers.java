package com.arbdesk.web;

import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Turns every exception that leaves a resource into the one JSON error shape. */
public final class ExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {
    }

    @Provider
    public static final class App implements ExceptionMapper<Failure> {
        @Override
        public Response toResponse(Failure e) {
            return ErrorBody.response(e.code(), e.getMessage(), e.field(), e.retryAfterSeconds());
        }
    }

    /** Unknown routes, wrong methods and content types raised by Jersey itself. */
    @Provider
    public static final class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            FailureCode code = FailureStatus.forStatus(status);
            String message = switch (code) {
                case NOT_FOUND -> "No such resource";
                case METHOD_NOT_ALLOWED -> "This method is not allowed here";
                case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
                case NOT_ACCEPTABLE -> "This resource answers application/json only";
                case INTERNAL -> "Something went wrong on our side";
                default -> "The request could not be processed";
            };
            if (status >= 500) {
                LOG.log(Level.SEVERE, "server error", e);
            }
            return ErrorBody.response(code, message, null, null);
        }
    }

    @Provider
    public static final class MalformedJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
                String field = jme.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."));
                return ErrorBody.response(FailureCode.VALIDATION_FAILED, "Invalid value for " + field, field, null);
            }
            if (e instanceof MismatchedInputException) {
                return ErrorBody.response(FailureCode.VALIDATION_FAILED, "The request body must be a JSON object", null, null);
            }
            return ErrorBody.response(FailureCode.MALFORMED_JSON, "The request body is not valid JSON", null, null);
        }
    }

    /** The catch-all: logs the cause and answers 500 without internals (or 413 for a body over the cap). */
    @Provider
    public static final class Fallback implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BodyLimitFilter.BodyTooLargeException) {
                    return ErrorBody.response(FailureCode.PAYLOAD_TOO_LARGE, t.getMessage(), null, null);
                }
                if (t instanceof JsonProcessingException jpe) {
                    return new MalformedJson().toResponse(jpe);
                }
            }
            LOG.log(Level.SEVERE, "unhandled error", e);
            return ErrorBody.response(FailureCode.INTERNAL, "Something went wrong on our side", null, null);
        }
    }
}
