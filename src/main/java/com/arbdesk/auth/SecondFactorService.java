package com.arbdesk.auth;

import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import com.arbdesk.core.db.Tx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The TOTP second factor: enrolment (a secret shown once, confirmed with a code, then one-time
 * recovery codes) and the check at login. Wrong codes count against the login throttle under a key
 * of their own, so guessing the 6 digits is as limited as guessing a password.
 */
public final class SecondFactorService {
    public static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i
    private static final String ISSUER = "ArbDesk";

    private final Tx tx;
    private final SecondFactorDao dao;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final boolean requiredForAdmins;
    private final SecureRandom random = new SecureRandom();

    /** @param requiredForAdmins production mode: an admin without a second factor may do nothing as an admin */
    public SecondFactorService(Tx tx, SecondFactorDao dao, LoginThrottle throttle, Clock clock, boolean requiredForAdmins) {
        this.tx = tx;
        this.dao = dao;
        this.throttle = throttle;
        this.clock = clock;
        this.requiredForAdmins = requiredForAdmins;
    }

    /**
     * The one place of the rule "production refuses admin actions until the admin has enrolled": the web
     * layer refuses admin routes to such an account, and the back-office live stream leaves it out.
     */
    public boolean refusesAdminActions(long userId) {
        return requiredForAdmins && !isEnrolled(userId);
    }

    /** An unconfirmed enrolment as the Account page shows it: the secret and the otpauth:// URI of its QR code. */
    public record Enrolment(String secretBase32, String otpauthUri) {
    }

    /** What the Account page says about the user's second factor. */
    public record Status(boolean enrolled, boolean pending, int recoveryCodesLeft) {
    }

    public boolean isEnrolled(long userId) {
        return tx.read(c -> dao.find(c, userId)).map(SecondFactorDao.Row::confirmed).orElse(false);
    }

    public Status status(long userId) {
        return tx.read(c -> {
            Optional<SecondFactorDao.Row> row = dao.find(c, userId);
            boolean enrolled = row.map(SecondFactorDao.Row::confirmed).orElse(false);
            return new Status(enrolled, row.isPresent() && !enrolled, enrolled ? dao.unusedRecoveryCodes(c, userId) : 0);
        });
    }

    /** Starts (or restarts) an enrolment with a new 160-bit secret; refused while one is confirmed. */
    public Enrolment start(long userId, String email) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        String base32 = Base32.encode(secret);
        int rows = tx.inTransaction(c -> dao.startEnrolment(c, userId, base32, clock.instant()));
        if (rows == 0) {
            throw new Failure(FailureCode.CONFLICT, "A second factor is already set up; turn it off first to set up a new one");
        }
        return enrolment(base32, email);
    }

    /** The unconfirmed enrolment, if one is under way (the secret is never given out once confirmed). */
    public Optional<Enrolment> pending(long userId, String email) {
        return tx.read(c -> dao.find(c, userId)).filter(r -> !r.confirmed()).map(r -> enrolment(r.secretBase32(), email));
    }

    /** Confirms the enrolment with a code from the app and returns the recovery codes, shown this once. */
    public List<String> confirm(long userId, String email, String code, String address) {
        SecondFactorDao.Row row = tx.read(c -> dao.find(c, userId)).filter(r -> !r.confirmed())
                .orElseThrow(() -> new Failure(FailureCode.CONFLICT, "Start setting up the second factor first"));
        String given = requireCode(code);
        LoginThrottle.Attempt attempt = begin(userId, address);
        OptionalLong step = Totp.match(Base32.decode(row.secretBase32()), given, clock.instant(), row.lastUsedStep());
        if (step.isEmpty()) {
            throttle.failed(attempt);
            throw Failure.invalid("code", "That code is not right. Enter the 6 digits your app shows now.");
        }
        throttle.succeeded(attempt);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            codes.add(recoveryCode());
        }
        tx.inTransaction(c -> {
            dao.useStep(c, userId, step.getAsLong());
            dao.confirm(c, userId, clock.instant());
            dao.replaceRecoveryCodes(c, userId, codes.stream().map(SecondFactorService::hash).toList());
            return null;
        });
        return codes;
    }

    /**
     * Checks a login's second step: a current 6-digit code not used before, or an unused recovery code
     * (spent by this). Wrong answers are refused with the same message and throttled.
     */
    public void verify(long userId, String code, String address) {
        String given = requireCode(code);
        LoginThrottle.Attempt attempt = begin(userId, address);
        boolean ok = tx.inTransaction(c -> {
            Optional<SecondFactorDao.Row> row = dao.find(c, userId).filter(SecondFactorDao.Row::confirmed);
            if (row.isEmpty()) {
                return false;
            }
            OptionalLong step = Totp.match(Base32.decode(row.get().secretBase32()), given, clock.instant(),
                    row.get().lastUsedStep());
            if (step.isPresent()) {
                return dao.useStep(c, userId, step.getAsLong()) == 1;
            }
            return given.length() > Totp.DIGITS && dao.useRecoveryCode(c, userId, hash(given), clock.instant()) == 1;
        });
        if (!ok) {
            throttle.failed(attempt);
            throw new Failure(FailureCode.INVALID_CREDENTIALS, "That code is not right, or was already used", "code", null);
        }
        throttle.succeeded(attempt);
    }

    /** Turns the second factor off after checking a current code (or a recovery code). */
    public void disable(long userId, String code, String address) {
        verify(userId, code, address);
        tx.inTransaction(c -> {
            dao.delete(c, userId);
            return null;
        });
    }

    /** A missing code is a form error (400), not a wrong answer: it is not counted against the throttle. */
    private static String requireCode(String code) {
        String given = normalise(code);
        if (given.isEmpty()) {
            throw Failure.invalid("code", "Enter the code from your authenticator app");
        }
        return given;
    }

    private LoginThrottle.Attempt begin(long userId, String address) {
        LoginThrottle.Result r = throttle.begin("second-factor:" + userId, address);
        if (!r.isAllowed()) {
            throw new Failure(FailureCode.TOO_MANY_REQUESTS, "Too many wrong codes. Try again in "
                    + r.retryAfterSeconds() + " seconds.", null, r.retryAfterSeconds());
        }
        throttle.awaitDelay(r.attempt());
        return r.attempt();
    }

    private Enrolment enrolment(String base32, String email) {
        String label = URLEncoder.encode(ISSUER + ":" + email, StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(base32, "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
    }

    /** Codes are typed with spaces or dashes and in any case; recovery codes are compared without them. */
    static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private String recoveryCode() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                s.append('-');
            }
            s.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
        }
        return s.toString();
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalise(code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
