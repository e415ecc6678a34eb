package com.arbdesk.nowpayments;

import com.arbdesk.nowpayments.NowPaymentsException.Kind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The account JWT from {@code POST /auth}, needed (besides the API key) to list payments. The
 * provider's tokens live 5 minutes; we reuse one for 4.5 minutes so it never expires mid-call.
 */
final class JwtSession {

    static final Duration REUSE_FOR = Duration.ofSeconds(270);

    /** Answers to POST /auth that mean "these credentials are wrong", not "try again later". */
    private static final Set<Kind> REFUSED = EnumSet.of(
            Kind.INVALID_REQUEST, Kind.AUTH_REQUIRED, Kind.INVALID_API_KEY, Kind.NOT_FOUND);

    private final ProviderHttp http;
    private final String email;
    private final String password;
    private String token;
    private long fetchedAtNanos;

    JwtSession(ProviderHttp http, String email, String password) {
        this.http = http;
        this.email = email;
        this.password = password;
    }

    boolean configured() {
        return email != null && password != null;
    }

    /**
     * A valid token, fetched when none is cached or the cached one is old. Synchronized so that
     * concurrent callers share one login instead of each posting the password.
     */
    synchronized String token() {
        if (email == null || password == null) {
            throw new NowPaymentsException(Kind.AUTH_REQUIRED, 0, null,
                    "listing payments needs a JWT, but no NOWPayments account email and password are configured");
        }
        if (token != null && System.nanoTime() - fetchedAtNanos < REUSE_FOR.toNanos()) {
            return token;
        }
        ObjectNode body = ProviderJson.object().put("email", email).put("password", password);
        ProviderHttp.Reply reply;
        try {
            reply = http.post("/auth", body, false);
        } catch (NowPaymentsException e) {
            if (!REFUSED.contains(e.kind())) {
                throw e;
            }
            throw new NowPaymentsException(Kind.AUTH_REQUIRED, e.httpStatus(), e.providerCode(),
                    "POST /auth refused the account email/password: " + e.providerMessage(), e);
        }
        String fresh = ProviderJson.text(reply.json(), "token");
        if (fresh == null) {
            throw NowPaymentsException.unexpected("POST /auth answered without a token");
        }
        token = fresh;
        fetchedAtNanos = System.nanoTime();
        return fresh;
    }

    /** Forgets the token after the provider refused it, unless another caller already replaced it. */
    synchronized void invalidate(String refused) {
        if (Objects.equals(token, refused)) {
            token = null;
        }
    }
}
