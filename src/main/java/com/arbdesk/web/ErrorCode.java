package com.arbdesk.web;

/** Every error the API can answer: its HTTP status and the stable code string clients match on. */
public enum ErrorCode {
    VALIDATION_FAILED(400, "validation_failed"),
    MALFORMED_JSON(400, "malformed_json"),
    BAD_REQUEST(400, "bad_request"),
    UNAUTHENTICATED(401, "unauthenticated"),
    INVALID_CREDENTIALS(401, "invalid_credentials"),
    FORBIDDEN(403, "forbidden"),
    CSRF_FAILED(403, "csrf_failed"),
    NOT_FOUND(404, "not_found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    NOT_ACCEPTABLE(406, "not_acceptable"),
    EMAIL_TAKEN(409, "email_taken"),
    CONFLICT(409, "conflict"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    INSUFFICIENT_FUNDS(422, "insufficient_funds"),
    TOO_MANY_REQUESTS(429, "too_many_requests"),
    INTERNAL(500, "internal_error"),
    PROVIDER_UNAVAILABLE(503, "provider_unavailable");

    private final int status;
    private final String code;

    ErrorCode(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The code for a bare HTTP status raised by the framework (unknown route, wrong method, ...). */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
