package com.arbdesk.core.db;

import com.arbdesk.core.Background;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL LISTEN on a dedicated connection (outside the pool: a listening connection must stay open and out of
 * transactions). Every notification on the channel, from any instance, and every (re)connect runs the handler,
 * which reads what it missed from the database itself, so a notification lost while disconnected costs nothing.
 */
final class ChangeListener implements Database.Subscription {
    private static final Logger LOG = Logger.getLogger(ChangeListener.class.getName());
    private static final int POLL_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 1_000;

    private final Database db;
    private final String channel;
    private final Runnable onChange;
    private final ScheduledExecutorService thread;
    private volatile boolean closed;

    ChangeListener(Database db, String channel, Runnable onChange) {
        if (!channel.matches("[a-z_]{1,63}")) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        this.db = db;
        this.channel = channel;
        this.onChange = onChange;
        this.thread = Background.singleThread("db-listen-" + channel);
        thread.execute(this::run);
    }

    private void run() {
        while (!closed) {
            try (Connection c = db.dedicatedConnection()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + channel);
                }
                onChange.run(); // whatever committed while this instance was not listening
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = pg.getNotifications(POLL_MILLIS);
                    if (received != null && received.length > 0) {
                        onChange.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // a background loop: the server went away or the handler failed; listen again shortly
                if (!closed) {
                    LOG.log(Level.WARNING, "listening on " + channel + " failed, reconnecting: " + e.getMessage(), e);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
