package com.arbdesk.boot;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The embedded server's last word on an error that no application page answered: the ones Tomcat raises
 * before the web application runs (a header too large, a malformed or encoded-slash URI). It answers the
 * API's JSON error shape under /api and a plain page elsewhere, with the app's security headers, and never
 * a stack trace or the server's version. It lives beside the launcher because Tomcat loads it, not the app.
 */
public final class QuietErrorReportValve extends ErrorReportValve {
    /** The same headers as the app's SecurityHeadersFilter (a test checks that the two agree). */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "SAMEORIGIN",
            "Referrer-Policy", "same-origin",
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                    + "connect-src 'self'; frame-ancestors 'self'; form-action 'self'",
            "Cache-Control", "no-store");

    /** The same rule as the app's RequestIdFilter for a caller's X-Request-Id (this class cannot see the app's). */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public QuietErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String uri = request.getRequestURI();
        boolean api = uri != null && uri.contains("/api/");
        try {
            response.resetBuffer();
            SECURITY_HEADERS.forEach(response::setHeader);
            String id = response.getHeader("X-Request-Id"); // set by the app's filter when the request reached it
            if (id == null) {
                id = requestId(request.getHeader("X-Request-Id"));
                response.setHeader("X-Request-Id", id);
            }
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(api ? "application/json" : "text/html");
            Writer w = response.getReporter();
            if (w == null) {
                return; // the response cannot take a body any more
            }
            w.write(api ? json(status, id) : html(status));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response was committed meanwhile: nothing more to say
        }
    }

    static String requestId(String header) {
        return header != null && SAFE_ID.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    static String json(int status, String requestId) {
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
        // the id is made of safe characters only (checked or generated), so it needs no escaping
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message(status) + "\",\"request_id\":\""
                + requestId + "\"}}";
    }

    static String html(int status) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ArbDesk</title></head>"
                + "<body><h1>" + status + "</h1><p>" + message(status) + "</p><p><a href=\"/\">ArbDesk home</a></p></body></html>";
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood (a malformed address or headers too large)";
            case 404 -> "There is nothing at this address";
            case 413 -> "The request is too large";
            default -> status >= 500 ? "Something went wrong on our side" : "The request could not be processed";
        };
    }
}
