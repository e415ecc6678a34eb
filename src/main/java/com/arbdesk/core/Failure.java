package com.arbdesk.core;

/** A failure with a meaning for the caller: its {@link FailureCode}, a readable message and the field at fault. */
public class Failure extends RuntimeException {
    private final FailureCode code;
    private final String field;
    private final Long retryAfterSeconds;

    public Failure(FailureCode code, String message) {
        this(code, message, null, null);
    }

    public Failure(FailureCode code, String message, String field, Long retryAfterSeconds) {
        super(message);
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static Failure invalid(String field, String message) {
        return new Failure(FailureCode.VALIDATION_FAILED, message, field, null);
    }

    public static Failure notFound(String what) {
        return new Failure(FailureCode.NOT_FOUND, what + " not found");
    }

    public FailureCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
