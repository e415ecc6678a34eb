package com.arbdesk.web;

/** A failure with a meaning for the client: carries the {@link ErrorCode}, a readable message and the field at fault. */
public class AppException extends RuntimeException {
    private final ErrorCode code;
    private final String field;
    private final Long retryAfterSeconds;

    public AppException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public AppException(ErrorCode code, String message, String field, Long retryAfterSeconds) {
        super(message);
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static AppException invalid(String field, String message) {
        return new AppException(ErrorCode.VALIDATION_FAILED, message, field, null);
    }

    public static AppException notFound(String what) {
        return new AppException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
