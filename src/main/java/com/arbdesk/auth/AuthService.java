package com.arbdesk.auth;

import com.arbdesk.db.DataAccessException;
import com.arbdesk.db.Tx;
import com.arbdesk.web.AppException;
import com.arbdesk.web.ErrorCode;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Sign-up, login and session lookup. Answers the same for an unknown email and a wrong password. */
public final class AuthService {
    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 128;
    public static final String PASSWORD_RULE = "at least " + MIN_PASSWORD + " characters";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final String BAD_LOGIN = "Email or password is incorrect";

    private final Tx tx;
    private final UserDao users;
    private final PasswordHasher hasher;
    private final JwtService jwt;
    private final LoginThrottle throttle;
    private final Clock clock;

    public AuthService(Tx tx, UserDao users, PasswordHasher hasher, JwtService jwt, LoginThrottle throttle, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.hasher = hasher;
        this.jwt = jwt;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** A logged-in user and the session token for them. */
    public record Session(User user, String token) {
    }

    public Session signup(String rawEmail, String password) {
        String email = normaliseEmail(rawEmail);
        validatePassword(password, email);
        String hash = hasher.hash(password);
        User user = tx.inTransaction(c -> {
            if (users.findByEmail(c, email).isPresent()) {
                throw new AppException(ErrorCode.EMAIL_TAKEN, "An account with this email already exists", "email", null);
            }
            try {
                long id = users.insert(c, email, hash, Role.USER, clock.instant());
                return users.findById(c, id).orElseThrow();
            } catch (SQLException e) {
                if (DataAccessException.isUniqueViolation(e)) {
                    throw new AppException(ErrorCode.EMAIL_TAKEN, "An account with this email already exists", "email", null);
                }
                throw e;
            }
        });
        return new Session(user, jwt.issue(user.id(), user.role()));
    }

    public Session login(String rawEmail, String password, String clientAddress) {
        String email = rawEmail == null ? "" : rawEmail.trim().toLowerCase(Locale.ROOT);
        Optional<Long> wait = throttle.retryAfter(email, clientAddress);
        if (wait.isPresent()) {
            throw new AppException(ErrorCode.TOO_MANY_REQUESTS,
                    "Too many failed logins. Try again in " + wait.get() + " seconds.", null, wait.get());
        }
        if (email.isEmpty() || password == null || password.isEmpty()) {
            throw AppException.invalid(email.isEmpty() ? "email" : "password", "Enter your email and password");
        }
        Optional<User> found = tx.read(c -> users.findByEmail(c, email));
        boolean ok;
        if (found.isPresent()) {
            ok = hasher.verify(password, found.get().passwordHash()) && !found.get().disabled();
        } else {
            hasher.verifyDummy(password);
            ok = false;
        }
        if (!ok) {
            throttle.recordFailure(email, clientAddress);
            throw new AppException(ErrorCode.INVALID_CREDENTIALS, BAD_LOGIN);
        }
        throttle.recordSuccess(email);
        User user = found.get();
        return new Session(user, jwt.issue(user.id(), user.role()));
    }

    /** The enabled user a session token names. */
    public Optional<User> authenticate(String token) {
        return jwt.verify(token).flatMap(id -> tx.read(c -> users.findById(c, id))).filter(u -> !u.disabled());
    }

    /** When a valid session token expires (for WebSockets, which outlive the request that opened them). */
    public Optional<java.time.Instant> expiry(String token) {
        return jwt.expiry(token);
    }

    public Optional<User> findById(long id) {
        return tx.read(c -> users.findById(c, id));
    }

    /** Joins the caller's transaction (the admin service writes the audit row beside it). */
    public void setDisabled(long userId, boolean disabled) {
        tx.inTransaction(c -> {
            users.updateDisabled(c, userId, disabled);
            return null;
        });
    }

    /** The ids of enabled admins (recipients of the back-office stream). */
    public java.util.List<Long> adminIds() {
        return tx.read(c -> users.adminIds(c));
    }

    public java.util.List<User> search(String query, int limit, int offset) {
        return tx.read(c -> users.search(c, query, limit, offset));
    }

    /** Creates the account with the given role, or gives an existing account that role (start-up seeding). */
    public User ensureAccount(String rawEmail, String password, Role role) {
        String email = normaliseEmail(rawEmail);
        Optional<User> existing = tx.read(c -> users.findByEmail(c, email));
        if (existing.isPresent()) {
            if (existing.get().role() != role && role == Role.ADMIN) {
                tx.inTransaction(c -> {
                    users.updateRole(c, existing.get().id(), role);
                    return null;
                });
            }
            return tx.read(c -> users.findById(c, existing.get().id())).orElseThrow();
        }
        String hash = hasher.hash(password);
        return tx.inTransaction(c -> users.findById(c, users.insert(c, email, hash, role, clock.instant())).orElseThrow());
    }

    static String normaliseEmail(String raw) {
        if (raw != null && raw.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw AppException.invalid("email", "An email address cannot contain control characters");
        }
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw AppException.invalid("email", "Enter your email address");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw AppException.invalid("email", "Enter a valid email address, like name@example.com");
        }
        return email;
    }

    static void validatePassword(String password, String email) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw AppException.invalid("password", "Password must be " + PASSWORD_RULE);
        }
        if (password.length() > MAX_PASSWORD) {
            throw AppException.invalid("password", "Password must be at most " + MAX_PASSWORD + " characters");
        }
        if (password.equalsIgnoreCase(email)) {
            throw AppException.invalid("password", "Password must not be your email address");
        }
    }
}
