package com.arbdesk.core;

/**
 * Every kind of failure a caller can be told about, by the stable code string clients match on.
 * Nothing here knows about HTTP: the web layer maps each code to a status in one place.
 */
public enum FailureCode {
    VALIDATION_FAILED("validation_failed"),
    MALFORMED_JSON("malformed_json"),
    BAD_REQUEST("bad_request"),
    UNAUTHENTICATED("unauthenticated"),
    INVALID_CREDENTIALS("invalid_credentials"),
    FORBIDDEN("forbidden"),
    SECOND_FACTOR_REQUIRED("second_factor_required"),
    CSRF_FAILED("csrf_failed"),
    NOT_FOUND("not_found"),
    METHOD_NOT_ALLOWED("method_not_allowed"),
    NOT_ACCEPTABLE("not_acceptable"),
    EMAIL_TAKEN("email_taken"),
    CONFLICT("conflict"),
    PAYLOAD_TOO_LARGE("payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type"),
    INSUFFICIENT_FUNDS("insufficient_funds"),
    TOO_MANY_REQUESTS("too_many_requests"),
    INTERNAL("internal_error"),
    PROVIDER_UNAVAILABLE("provider_unavailable");

    private final String code;

    FailureCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
