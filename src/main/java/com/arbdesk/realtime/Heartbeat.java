package com.arbdesk.realtime;

import com.arbdesk.auth.AuthService;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sockets' heartbeat: pings every socket (dead ones then fail and are dropped; idle ones time out) and
 * closes with 4401 the sockets whose session expired or was revoked or whose user was disabled
 * (revocations also close them at once through {@link com.arbdesk.auth.SessionsEnded}; this is the backstop).
 */
final class Heartbeat {
    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    private final SessionRegistry sessions;
    private final AuthService auth;
    private final Clock clock;

    Heartbeat(SessionRegistry sessions, AuthService auth, Clock clock) {
        this.sessions = sessions;
        this.auth = auth;
        this.clock = clock;
    }

    void sweep() {
        try {
            Instant now = clock.instant();
            for (Outbox o : sessions.all()) {
                boolean enabled = o.sessionId != null ? auth.isSessionOpen(o.sessionId)
                        : auth.findById(o.userId).map(u -> !u.disabled()).orElse(false);
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
