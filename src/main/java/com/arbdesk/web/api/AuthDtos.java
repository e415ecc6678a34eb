package com.arbdesk.web.api;

import com.arbdesk.auth.SessionRecord;
import com.arbdesk.auth.User;
import com.arbdesk.core.Money;
import com.arbdesk.core.Failure;

/** Wire records of the auth API. */
public final class AuthDtos {
    private AuthDtos() {
    }

    /** Body of sign-up and login. */
    public record Credentials(String email, String password) {
        public static Credentials require(Credentials body) {
            if (body == null) {
                throw Failure.invalid("email", "Send a JSON body with email and password");
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

    /** Body of POST /api/me/password. */
    public record ChangePasswordRequest(String currentPassword, String newPassword) {
        public static ChangePasswordRequest require(ChangePasswordRequest body) {
            if (body == null) {
                throw Failure.invalid("current_password", "Send a JSON body with current_password and new_password");
            }
            return body;
        }
    }

    /** One open session as GET /api/me/sessions lists it; {@code current} is the caller's own. */
    public record SessionView(String createdAt, String expiresAt, String userAgent, String clientAddress, boolean current) {
        public static SessionView of(SessionRecord s, String callerSessionId) {
            return new SessionView(s.createdAt().toString(), s.expiresAt().toString(), s.userAgent(), s.clientAddress(),
                    s.id().equals(callerSessionId));
        }
    }

    /** Answer to a login whose password was right for an account with a second factor: send the challenge and a code to /api/auth/login/totp. */
    public record SecondFactorChallengeResponse(boolean secondFactorRequired, String challenge, long expiresInSeconds) {
    }

    /** Body of POST /api/auth/login/totp: the challenge from the login and a 6-digit code or a recovery code. */
    public record SecondFactorLoginRequest(String challenge, String code) {
        public static SecondFactorLoginRequest require(SecondFactorLoginRequest body) {
            if (body == null) {
                throw Failure.invalid("code", "Send a JSON body with challenge and code");
            }
            return body;
        }
    }

    /** Body of the second-factor confirm and disable calls. */
    public record CodeRequest(String code) {
        public static CodeRequest require(CodeRequest body) {
            if (body == null) {
                throw Failure.invalid("code", "Send a JSON body with code");
            }
            return body;
        }
    }

    /** A started enrolment: the base32 secret and the otpauth:// URI of the QR code (given only until it is confirmed). */
    public record EnrolmentResponse(String secret, String otpauthUri) {
    }

    /** A confirmed enrolment: the one-time recovery codes, shown this once. */
    public record RecoveryCodesResponse(java.util.List<String> recoveryCodes) {
    }

    /** GET /api/me/second-factor. */
    public record SecondFactorStatusResponse(boolean enrolled, boolean pending, int recoveryCodesLeft) {
    }
}
