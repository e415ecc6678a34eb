package com.arbdesk.web;

import com.arbdesk.core.FailureCode;

/** The one mapping between failure codes and HTTP statuses, both ways. */
public final class FailureStatus {
    private FailureStatus() {
    }

    public static int of(FailureCode code) {
        return switch (code) {
            case VALIDATION_FAILED, MALFORMED_JSON, BAD_REQUEST -> 400;
            case UNAUTHENTICATED, INVALID_CREDENTIALS -> 401;
            case FORBIDDEN, CSRF_FAILED, SECOND_FACTOR_REQUIRED -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case EMAIL_TAKEN, CONFLICT -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case INSUFFICIENT_FUNDS -> 422;
            case TOO_MANY_REQUESTS -> 429;
            case INTERNAL -> 500;
            case PROVIDER_UNAVAILABLE -> 503;
        };
    }

    /** The code for a bare HTTP status raised by the framework (unknown route, wrong method, ...). */
    public static FailureCode forStatus(int status) {
        return switch (status) {
            case 401 -> FailureCode.UNAUTHENTICATED;
            case 403 -> FailureCode.FORBIDDEN;
            case 404 -> FailureCode.NOT_FOUND;
            case 405 -> FailureCode.METHOD_NOT_ALLOWED;
            case 406 -> FailureCode.NOT_ACCEPTABLE;
            case 409 -> FailureCode.CONFLICT;
            case 413 -> FailureCode.PAYLOAD_TOO_LARGE;
            case 415 -> FailureCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> FailureCode.TOO_MANY_REQUESTS;
            default -> status >= 500 ? FailureCode.INTERNAL : FailureCode.BAD_REQUEST;
        };
    }
}
