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

    /**
     * An expected refusal on a hot path (a forged webhook, say), built without a stack trace: the code and message say
     * all there is, and a flood of them must not cost a stack walk each.
     */
    protected Failure(FailureCode code, String message, boolean withStackTrace) {
        super(message, null, false, withStackTrace);
        this.code = code;
        this.field = null;
        this.retryAfterSeconds = null;
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
