package com.arbdesk.auth;

import com.arbdesk.ledger.Money;
import com.arbdesk.web.AppException;

/** Wire records of the auth API. */
public final class AuthDtos {
    private AuthDtos() {
    }

    /** Body of sign-up and login. */
    public record Credentials(String email, String password) {
        public static Credentials require(Credentials body) {
            if (body == null) {
                throw AppException.invalid("email", "Send a JSON body with email and password");
            }
            return body;
        }
    }

    /** The caller as GET /api/me shows them; the balance is an exact decimal string. */
    public record MeResponse(long id, String email, String role, String balanceUsd) {
        public static MeResponse of(User user, Money balance) {
            return new MeResponse(user.id(), user.email(), user.role().name(), balance.toPlainString());
        }
    }

    /** Answer to sign-up and login: the user and the token (also set as the session cookie). */
    public record SessionResponse(MeResponse user, String token) {
    }
}
