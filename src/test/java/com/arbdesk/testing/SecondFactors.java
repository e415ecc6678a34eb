package com.arbdesk.testing;

import com.arbdesk.auth.Base32;
import com.arbdesk.auth.Totp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Test steps for two-step login: enrol an account over the API, compute its codes, log in with a code. */
public final class SecondFactors {
    private SecondFactors() {
    }

    /** An enrolled account's secret and its unused recovery codes (taken one by one). */
    public static final class Enrolled {
        private final String secret;
        private final Deque<String> recoveryCodes;
        private long lastStep;

        Enrolled(String secret, Deque<String> recoveryCodes, long lastStep) {
            this.secret = secret;
            this.recoveryCodes = recoveryCodes;
            this.lastStep = lastStep;
        }

        public String secret() {
            return secret;
        }

        public Deque<String> recoveryCodes() {
            return recoveryCodes;
        }

        /** The code of the current step (it may have been used already). */
        public String code() {
            return SecondFactors.code(secret);
        }

        /** A code not used yet: the next step's when this one's code was taken (see {@link #unusedStep}). */
        public synchronized String freshCode() {
            lastStep = unusedStep(lastStep);
            return Totp.code(Base32.decode(secret), lastStep, Totp.DIGITS);
        }

        /** Logs in with the password and the next recovery code (a TOTP code works once per 30 s, these once each). */
        public String loginWithRecoveryCode(TestClient c, String email, String password) {
            return SecondFactors.login(c, email, password, recoveryCodes.pop());
        }
    }

    /**
     * The earliest step after {@code usedStep} whose code the server accepts now: the current step, or when its code
     * was used, the next one, which {@link Totp#WINDOW} accepts as clock drift (an authenticator a few seconds ahead
     * shows it). Waits for the clock only when even that is taken, instead of up to 30 s for the next step to begin.
     */
    public static long unusedStep(long usedStep) {
        while (usedStep + 1 > Totp.step(Instant.now()) + Totp.WINDOW) {
            TestServer.sleep(250);
        }
        return Math.max(usedStep + 1, Totp.step(Instant.now()));
    }

    /** The current 6-digit code of a base32 secret, as an authenticator app shows it. */
    public static String code(String secret) {
        return Totp.code(Base32.decode(secret), Instant.now());
    }

    /** Enrols the account the client is logged in as (bearer or cookie with CSRF). */
    public static Enrolled enrol(TestClient c) {
        TestClient.Res start = c.postJson("/api/me/second-factor", "{}");
        if (start.status() != 201) {
            throw new AssertionError("enrolment start answered " + start.status() + ": " + start.body());
        }
        String secret = start.json().path("secret").asText();
        long step = Totp.step(Instant.now());
        String code = Totp.code(Base32.decode(secret), step, Totp.DIGITS);
        TestClient.Res confirm = c.postJson("/api/me/second-factor/confirm", "{\"code\":\"" + code + "\"}");
        if (confirm.status() != 200) {
            throw new AssertionError("enrolment confirm answered " + confirm.status() + ": " + confirm.body());
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode n : confirm.json().path("recovery_codes")) {
            codes.add(n.asText());
        }
        return new Enrolled(secret, new ArrayDeque<>(codes), step);
    }

    /** The challenge of the password step, expecting one. */
    public static String challenge(TestClient c, String email, String password) {
        TestClient.Res r = c.postJson("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200 || !r.json().path("second_factor_required").asBoolean()) {
            throw new AssertionError("expected a second-factor challenge: " + r.status() + " " + r.body());
        }
        return r.json().path("challenge").asText();
    }

    public static TestClient.Res answer(TestClient c, String challenge, String code) {
        return c.postJson("/api/auth/login/totp", "{\"challenge\":\"" + challenge + "\",\"code\":\"" + code + "\"}");
    }

    /** Both steps; returns the session token. */
    public static String login(TestClient c, String email, String password, String code) {
        TestClient.Res r = answer(c, challenge(c, email, password), code);
        if (r.status() != 200) {
            throw new AssertionError("second step answered " + r.status() + ": " + r.body());
        }
        return r.json().path("token").asText();
    }
}
