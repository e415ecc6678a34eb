package com.arbdesk.sandbox;

/** A failure the sandbox answers in the provider's envelope: {@code {status:false, statusCode, code, message}}. */
public final class SandboxError extends RuntimeException {
    private final int status;
    private final String code;

    public SandboxError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static SandboxError invalid(String message) {
        return new SandboxError(400, "INVALID_REQUEST_PARAMS", message);
    }

    public static SandboxError notFound(String message) {
        return new SandboxError(404, "NOT_FOUND", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
