package com.arbdesk.realtime;

import com.arbdesk.auth.AuthService;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sockets' heartbeat: pings every socket (dead ones then fail and are dropped; idle ones time out) and
 * closes with 4401 the sockets whose session expired or was revoked or whose user was disabled
 * (revocations also close them at once through {@link com.arbdesk.auth.SessionsEnded}; this is the backstop).
 *
 * <p>Whether the sessions are still open is asked once per sweep for all sockets together: two queries per socket
 * (5,000 sockets, every 30 s) made a burst of 10,000 reads that held up the IPNs and live events flowing beside it
 * for one to two seconds (the benchmark's event test, issue #13). And the sockets are swept in {@value #SLICES}
 * slices, one a second, each socket in the same slice every time: a socket is still pinged and checked every
 * 30 s, but 5,000 pings (and their pongs) no longer leave at the same moment.
 */
final class Heartbeat {
    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    /** How many ticks, one a second, a full round of the sockets takes. */
    static final int SLICES = 30;

    private final SessionRegistry sessions;
    private final Function<Set<String>, Set<String>> openSessions;
    private final Function<Set<Long>, Set<Long>> enabledUsers;
    private final Clock clock;
    /** Ticks so far; only the housekeeping thread touches it. */
    private long ticks;

    Heartbeat(SessionRegistry sessions, AuthService auth, Clock clock) {
        this(sessions, auth::openSessions, auth::enabledUsers, clock);
    }

    /** {@code openSessions}: which of these sessions are usable; {@code enabledUsers}: which users are (socket-token sockets). */
    Heartbeat(SessionRegistry sessions, Function<Set<String>, Set<String>> openSessions,
              Function<Set<Long>, Set<Long>> enabledUsers, Clock clock) {
        this.sessions = sessions;
        this.openSessions = openSessions;
        this.enabledUsers = enabledUsers;
        this.clock = clock;
    }

    /** One second's share: the sockets of the next slice (called from one thread). */
    void tick() {
        int slice = (int) (ticks++ % SLICES);
        sweep(o -> slice(o) == slice);
    }

    static int slice(Outbox o) {
        return Math.floorMod(o.socket.id().hashCode(), SLICES);
    }

    /** Every socket at once. */
    void sweep() {
        sweep(o -> true);
    }

    private void sweep(java.util.function.Predicate<Outbox> which) {
        try {
            // the sockets open now; one opened after this snapshot waits for the next sweep, its session was just checked
            List<Outbox> all = sessions.all().stream().filter(which).toList();
            Set<String> sessionIds = new HashSet<>();
            Set<Long> tokenUsers = new HashSet<>();
            for (Outbox o : all) {
                if (o.sessionId != null) {
                    sessionIds.add(o.sessionId);
                } else {
                    tokenUsers.add(o.userId);
                }
            }
            Set<String> open = openSessions.apply(sessionIds);
            Set<Long> enabledTokenUsers = enabledUsers.apply(tokenUsers);
            Instant now = clock.instant();
            for (Outbox o : all) {
                boolean enabled = o.sessionId != null ? open.contains(o.sessionId) : enabledTokenUsers.contains(o.userId);
                if (!enabled || o.expiresAt != null && now.isAfter(o.expiresAt)) {
                    o.close(LiveSocket.SESSION_ENDED, enabled ? "session expired" : "session ended");
                } else {
                    o.ping();
                }
            }
        } catch (RuntimeException e) {
            // a background loop: log and carry on at the next sweep
            LOG.log(Level.WARNING, "websocket sweep failed", e);
        }
    }
}
