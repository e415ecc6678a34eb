package com.arbdesk.web;

import com.arbdesk.core.FailureCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The one error shape of the API: {@code {"error":{"code","message","field"?,"request_id"}}}; the request id is
 * the one in the response's X-Request-Id header and in the log lines of the request.
 */
public record ErrorBody(Detail error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String message, String field, String requestId) {
    }

    public static ErrorBody of(FailureCode code, String message, String field) {
        return new ErrorBody(new Detail(code.code(), message, field, RequestIdFilter.current()));
    }

    public static Response response(FailureCode code, String message, String field, Long retryAfterSeconds) {
        Response.ResponseBuilder b = Response.status(FailureStatus.of(code))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(of(code, message, field));
        if (retryAfterSeconds != null) {
            b.header("Retry-After", retryAfterSeconds);
        }
        return b.build();
    }

    /** For filters and servlets that answer before Jersey runs. */
    public static void write(HttpServletResponse resp, FailureCode code, String message) throws IOException {
        resp.setStatus(FailureStatus.of(code));
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(toJson(of(code, message, null)));
    }

    private static String toJson(ErrorBody body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an error body", e);
        }
    }
}
