package com.arbdesk.core.db;

/**
 * Whether this instance is the one that runs the background work meant to run once among all instances (the
 * reconciler, the spread-history roll-ups). On SQLite there is one instance and the answer is always yes; on
 * PostgreSQL the holder of a session advisory lock is the one, and when its process dies the lock goes with its
 * connection, so another instance takes over at its next pass.
 */
@FunctionalInterface
public interface Leadership extends AutoCloseable {
    /** True when this instance holds the role now (takes it when it is free). Cheap enough to ask on every pass. */
    boolean held();

    /** Gives the role up (at shutdown, so another instance takes it at once). */
    @Override
    default void close() {
    }
}
