package com.arbdesk.core.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-process event bus. Services publish from {@code Tx.afterCommit}, so a listener only ever
 * sees changes the database already holds.
 */
public final class LiveEvents {
    private static final Logger LOG = Logger.getLogger(LiveEvents.class.getName());
    private final List<Consumer<Object>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<Object> listener) {
        listeners.add(listener);
    }

    public void publish(Object event) {
        for (Consumer<Object> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                // one broken listener must not stop the others
                LOG.log(Level.WARNING, "event listener failed for " + event.getClass().getSimpleName(), e);
            }
        }
    }
}
