package com.arbdesk.auth;

import com.arbdesk.core.db.DataAccessException;
import com.arbdesk.core.db.Tx;
import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sign-up, login, password change and session lookup. Answers the same for an unknown email and a
 * wrong password. Every login and sign-up opens a server-side session (see {@link SessionService}).
 */
public final class AuthService {
    public static final String PASSWORD_RULE = PasswordPolicy.RULE;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final String BAD_LOGIN = "Email or password is incorrect";

    private final Tx tx;
    private final UserDao users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final RateLimiter signups;
    private final SecondFactorService secondFactor;
    private final SecondFactorChallenges challenges;
    private final Clock clock;
    static final Duration ADMIN_IDS_TTL = Duration.ofSeconds(10);

    private record AdminIds(List<Long> ids, Instant readAt) {
    }

    /** Null until read, and after a change; replaced whole, never mutated. */
    private volatile AdminIds adminIds;

    public AuthService(Tx tx, UserDao users, PasswordHasher hasher, PasswordPolicy policy, SessionService sessions,
                       LoginThrottle throttle, RateLimiter signups, SecondFactorService secondFactor,
                       SecondFactorChallenges challenges, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
        this.throttle = throttle;
        this.signups = signups;
        this.secondFactor = secondFactor;
        this.challenges = challenges;
        this.clock = clock;
    }

    /** What a correct password leads to: a session, or (for an account with a second factor) a challenge to answer with a code. */
    public sealed interface LoginOutcome permits Session, SecondFactorNeeded {
    }

    /** A logged-in user and the session token for them. */
    public record Session(User user, String token) implements LoginOutcome {
    }

    /** The password was right; {@link #completeLogin} with this challenge and a code opens the session. */
    public record SecondFactorNeeded(String challenge, long expiresInSeconds) implements LoginOutcome {
    }

    /** Creates the account and logs it in; at most the configured number of sign-ups per hour per address. */
    public Session signup(String rawEmail, String password, ClientInfo client) {
        String email = normaliseEmail(rawEmail);
        policy.check(password, email, "password");
        // counted after the form checks (a person fixing a rejected password is not refused) and before the
        // email lookup, which also limits probing which emails have accounts
        signups.tryAcquire(client.address()).ifPresent(wait -> {
            throw tooMany("Too many sign-ups from your network. Try again in " + seconds(wait) + " seconds.", wait);
        });
        String hash = hasher.hash(password);
        return tx.inTransaction(c -> {
            if (users.findByEmail(c, email).isPresent()) {
                throw new Failure(FailureCode.EMAIL_TAKEN, "An account with this email already exists", "email", null);
            }
            long id;
            try {
                id = users.insert(c, email, hash, Role.USER, clock.instant());
            } catch (SQLException e) {
                if (DataAccessException.isUniqueViolation(e)) {
                    throw new Failure(FailureCode.EMAIL_TAKEN, "An account with this email already exists", "email", null);
                }
                throw e;
            }
            User user = users.findById(c, id).orElseThrow();
            return new Session(user, sessions.open(c, user, client));
        });
    }

    /**
     * Checks the password under the rules of {@link LoginThrottle} and opens a session, or, when the
     * account has a second factor, answers with a challenge for {@link #completeLogin}.
     */
    public LoginOutcome login(String rawEmail, String password, ClientInfo client) {
        String email = rawEmail == null ? "" : rawEmail.trim().toLowerCase(Locale.ROOT);
        if (email.isEmpty() || password == null || password.isEmpty()) {
            throw Failure.invalid(email.isEmpty() ? "email" : "password", "Enter your email and password");
        }
        LoginThrottle.Attempt attempt = beginAttempt(email, client.address());
        Optional<User> found = tx.read(c -> users.findByEmail(c, email));
        boolean ok;
        if (found.isPresent()) {
            ok = hasher.verify(password, found.get().passwordHash()) && !found.get().disabled();
        } else {
            hasher.verifyDummy(password);
            ok = false;
        }
        if (!ok) {
            throttle.failed(attempt);
            throw new Failure(FailureCode.INVALID_CREDENTIALS, BAD_LOGIN);
        }
        throttle.succeeded(attempt);
        User user = found.get();
        if (secondFactor.isEnrolled(user.id())) {
            return new SecondFactorNeeded(challenges.issue(user.id()), SecondFactorChallenges.TTL.toSeconds());
        }
        return tx.inTransaction(c -> new Session(user, sessions.open(c, user, client)));
    }

    /** The second step: a valid challenge from {@link #login} and a current code (or a recovery code) open the session. */
    public Session completeLogin(String challenge, String code, ClientInfo client) {
        Optional<User> user = challenges.verify(challenge).flatMap(this::findById).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            throw new Failure(FailureCode.INVALID_CREDENTIALS, "This login has expired; enter your email and password again");
        }
        secondFactor.verify(user.get().id(), code, client.address());
        return tx.inTransaction(c -> new Session(user.get(), sessions.open(c, user.get(), client)));
    }

    /**
     * Replaces the password after checking the current one (throttled like a login), and ends every
     * other session of the user; the session making the change stays open.
     */
    public void changePassword(long userId, String sessionId, String current, String next, ClientInfo client) {
        User user = findById(userId).orElseThrow(() -> Failure.notFound("User"));
        if (current == null || current.isEmpty()) {
            throw Failure.invalid("current_password", "Enter your current password");
        }
        LoginThrottle.Attempt attempt = beginAttempt(user.email(), client.address());
        if (!hasher.verify(current, user.passwordHash())) {
            throttle.failed(attempt);
            throw Failure.invalid("current_password", "Your current password is not correct");
        }
        throttle.succeeded(attempt);
        policy.check(next, user.email(), "new_password");
        String hash = hasher.hash(next);
        tx.inTransaction(c -> {
            users.updatePasswordHash(c, userId, hash);
            sessions.revokeAll(userId, sessionId, RevokeReason.PASSWORD_CHANGED);
            return null;
        });
    }

    private LoginThrottle.Attempt beginAttempt(String email, String address) {
        LoginThrottle.Result r = throttle.begin(email, address);
        if (!r.isAllowed()) {
            throw new Failure(FailureCode.TOO_MANY_REQUESTS, "Too many failed logins. Try again in "
                    + r.retryAfterSeconds() + " seconds.", null, r.retryAfterSeconds());
        }
        throttle.awaitDelay(r.attempt());
        return r.attempt();
    }

    /** The enabled user and open session a session token names. */
    public Optional<AuthenticatedSession> authenticate(String token) {
        return sessions.authenticate(token);
    }

    /** Whether a session is still open (sockets opened with it are closed once it is not). */
    public boolean isSessionOpen(String sessionId) {
        return sessions.isOpen(sessionId);
    }

    /** Ends the caller's session (logout). */
    public void logout(String sessionId) {
        if (sessionId != null) {
            sessions.revoke(sessionId, RevokeReason.LOGOUT);
        }
    }

    /** Ends every session of the user, the caller's own included. */
    public void logoutEverywhere(long userId) {
        sessions.revokeAll(userId, null, RevokeReason.LOGOUT_EVERYWHERE);
    }

    public List<SessionRecord> openSessions(long userId) {
        return sessions.openSessions(userId);
    }

    /** Of these sessions, the ones still usable (not revoked or expired, user enabled): one read for all of them. */
    public java.util.Set<String> openSessions(java.util.Collection<String> sessionIds) {
        return sessions.openAmong(sessionIds);
    }

    /** Of these users, the ones that exist and are not disabled: one read for all of them. */
    public java.util.Set<Long> enabledUsers(java.util.Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return java.util.Set.of();
        }
        return tx.read(c -> users.enabledAmong(c, userIds));
    }

    public Optional<User> findById(long id) {
        return tx.read(c -> users.findById(c, id));
    }

    /** Joins the caller's transaction (the admin service writes the audit row beside it); disabling ends every session. */
    public void setDisabled(long userId, boolean disabled) {
        tx.inTransaction(c -> {
            users.updateDisabled(c, userId, disabled);
            forgetAdmins();
            if (disabled) {
                sessions.revokeAll(userId, null, RevokeReason.USER_DISABLED);
            }
            return null;
        });
    }

    /**
     * The ids of enabled admins allowed to act as admins (in production: enrolled in a second factor), the
     * recipients of the back-office stream, read on every deposit event: cached, and dropped after every commit
     * that changes a role or disables an account here; re-read at least every {@link #ADMIN_IDS_TTL} for other
     * changes (a second factor enrolled, an operator's SQL).
     */
    public List<Long> adminIds() {
        AdminIds cached = adminIds;
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.readAt().plus(ADMIN_IDS_TTL))) {
            return cached.ids();
        }
        List<Long> ids = tx.read(c -> users.adminIds(c)).stream().filter(id -> !secondFactor.refusesAdminActions(id)).toList();
        adminIds = new AdminIds(ids, now);
        return ids;
    }

    /** Forgets the cached admin ids now and again after the current transaction commits (so no reader caches the old rows). */
    private void forgetAdmins() {
        adminIds = null;
        Tx.afterCommit(() -> adminIds = null);
    }

    public List<User> search(String query, int limit, int offset) {
        return tx.read(c -> users.search(c, query, limit, offset));
    }

    /**
     * Creates the account with the given role, or gives an existing account that role (start-up
     * seeding). The password rule is not applied: the operator chose ADMIN_PASSWORD (checked by the
     * configuration) and the demo logins are public anyway.
     */
    public User ensureAccount(String rawEmail, String password, Role role) {
        String email = normaliseEmail(rawEmail);
        Optional<User> existing = tx.read(c -> users.findByEmail(c, email));
        if (existing.isPresent()) {
            if (existing.get().role() != role && role == Role.ADMIN) {
                tx.inTransaction(c -> {
                    users.updateRole(c, existing.get().id(), role);
                    forgetAdmins();
                    return null;
                });
            }
            return tx.read(c -> users.findById(c, existing.get().id())).orElseThrow();
        }
        String hash = hasher.hash(password);
        return tx.inTransaction(c -> {
            long id = users.insert(c, email, hash, role, clock.instant());
            forgetAdmins();
            return users.findById(c, id).orElseThrow();
        });
    }

    static String normaliseEmail(String raw) {
        if (raw != null && raw.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw Failure.invalid("email", "An email address cannot contain control characters");
        }
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw Failure.invalid("email", "Enter your email address");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw Failure.invalid("email", "Enter a valid email address, like name@example.com");
        }
        return email;
    }

    private static Failure tooMany(String message, Duration wait) {
        return new Failure(FailureCode.TOO_MANY_REQUESTS, message, null, seconds(wait));
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
