package com.arbdesk.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits password guessing without handing attackers a way to lock the owner out. The exact rule,
 * with W the window (default 15 minutes) and failures counted as {@link RateLimiter} buckets that
 * drain evenly over W:
 * <ol>
 *   <li><b>Per client address</b>: at most {@code perAddress} (default 30) failed logins per W, whatever
 *       the accounts. Past it, every login from that address answers 429 with Retry-After.</li>
 *   <li><b>Per account and address</b>: at most {@code perAccountAndAddress} (default 5) failures per W.
 *       Past it, that account answers 429 with Retry-After to that address only. A successful login
 *       from the address clears this count.</li>
 *   <li><b>Per account</b>, from all addresses together: never a refusal, only a growing delay. While
 *       more than {@code perAccountAndAddress} failures are pending for the account, each attempt on it,
 *       from any address and with the right password or a wrong one, waits before the password is
 *       checked: 1 s for the first over the line, doubling per further pending failure, at most
 *       {@link #MAX_ACCOUNT_DELAY}. The wait comes before the check, so a client that gives up early
 *       learns nothing. The owner with the right password always gets in from an address that is not
 *       itself over rules 1 or 2: an attacker's failures from address A never stop a login from B.</li>
 * </ol>
 * Only failures count against rules 1 and 2 (a slot is reserved when the attempt starts, so parallel
 * guesses cannot overshoot, and handed back on success). Account keys are the normalised email,
 * known or not, so the answers never tell which accounts exist.
 */
public final class LoginThrottle {
    public static final Duration MAX_ACCOUNT_DELAY = Duration.ofSeconds(8);
    public static final int MAX_WAITING = 32;

    private final java.util.concurrent.Semaphore waiting = new java.util.concurrent.Semaphore(MAX_WAITING);

    private final RateLimiter byAddress;
    private final RateLimiter byPair;
    private final RateLimiter byAccount;
    private final int freeAccountFailures;

    /** The limits of rules 1 and 2; rule 3 starts its delay past the rule 2 limit. */
    public record Settings(int perAddress, int perAccountAndAddress, Duration window) {
        public static Settings defaults() {
            return new Settings(30, 5, Duration.ofMinutes(15));
        }
    }

    public LoginThrottle(Settings settings, Clock clock) {
        this(settings, name -> new RateStore.Memory(RateLimiter.DEFAULT_MAX_KEYS), clock);
    }

    /** With its three counts in the stores {@code stores} names ("login-address", "login-pair", "login-account"). */
    public LoginThrottle(Settings settings, java.util.function.Function<String, RateStore> stores, Clock clock) {
        this.byAddress = new RateLimiter(settings.perAddress(), settings.window(), stores.apply("login-address"), clock);
        this.byPair = new RateLimiter(settings.perAccountAndAddress(), settings.window(), stores.apply("login-pair"), clock);
        // the account bucket holds more than it lets through freely, so the delay can grow past the free failures
        int accountCapacity = settings.perAccountAndAddress() + 16;
        Duration accountWindow = settings.window().multipliedBy(accountCapacity).dividedBy(settings.perAccountAndAddress());
        this.byAccount = new RateLimiter(accountCapacity, accountWindow, stores.apply("login-account"), clock);
        this.freeAccountFailures = settings.perAccountAndAddress();
    }

    /** One login attempt in progress: what it reserved, and how long it must wait before its password is checked. */
    public record Attempt(String email, String address, Duration delay) {
    }

    /**
     * Starts an attempt: reserves a failure slot for the address and for the account-address pair.
     * Refused, with the seconds to wait, when either is over its limit; nothing is counted then.
     */
    public Result begin(String email, String address) {
        Optional<Duration> addressWait = byAddress.tryAcquire(address);
        if (addressWait.isPresent()) {
            return Result.refused(addressWait.get());
        }
        Optional<Duration> pairWait = byPair.tryAcquire(pairKey(email, address));
        if (pairWait.isPresent()) {
            byAddress.refund(address);
            return Result.refused(pairWait.get());
        }
        return Result.allowed(new Attempt(email, address, accountDelay(email)));
    }

    /** Either an attempt that may go ahead (after its delay) or the seconds until one may. */
    public record Result(Attempt attempt, long retryAfterSeconds) {
        static Result refused(Duration wait) {
            return new Result(null, Math.max(1, (wait.toMillis() + 999) / 1000));
        }

        static Result allowed(Attempt attempt) {
            return new Result(attempt, 0);
        }

        public boolean isAllowed() {
            return attempt != null;
        }
    }

    /** The wait rule 3 imposes on the next attempt at this account. */
    public Duration accountDelay(String email) {
        int over = byAccount.pending(email) - freeAccountFailures;
        if (over <= 0) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(over - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, MAX_ACCOUNT_DELAY.toSeconds()));
    }

    /**
     * Sleeps out the attempt's rule 3 delay. At most {@link #MAX_WAITING} attempts wait at once: past
     * that an attempt goes ahead without waiting, so an attack cannot hold the server's threads; the
     * hard limits are rules 1 and 2, the delay is only a brake.
     */
    public void awaitDelay(Attempt attempt) {
        if (attempt.delay().isZero() || !waiting.tryAcquire()) {
            return;
        }
        try {
            Thread.sleep(attempt.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.release();
        }
    }

    /** The password was wrong (or the account unknown or disabled): the reserved slots stay counted. */
    public void failed(Attempt attempt) {
        byAccount.tryAcquire(attempt.email());
    }

    /** The password was right: the address gets its slot back and the pair starts afresh. */
    public void succeeded(Attempt attempt) {
        byAddress.refund(attempt.address());
        byPair.reset(pairKey(attempt.email(), attempt.address()));
    }

    private static String pairKey(String email, String address) {
        return email + "\n" + address;
    }
}
