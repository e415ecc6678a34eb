package com.arbdesk.core.events;

import com.arbdesk.core.db.Tx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-process event bus, typed by event class and in two phases. Services publish inside the
 * transaction that makes the change: {@link #inTransaction} handlers run at once, on the publishing
 * thread, and join that transaction (that is how live events are stored with the change, an outbox);
 * {@link #afterCommit} listeners run only once it committed, so they only ever see changes the
 * database holds. Published outside a transaction, both run at once.
 */
public final class EventBus {
    private static final Logger LOG = Logger.getLogger(EventBus.class.getName());

    private final List<Handler<?>> inTransaction = new CopyOnWriteArrayList<>();
    private final List<Handler<?>> afterCommit = new CopyOnWriteArrayList<>();

    private record Handler<E>(Class<E> type, Consumer<? super E> action) {
        boolean wants(Object event) {
            return type.isInstance(event);
        }

        void run(Object event) {
            action.accept(type.cast(event));
        }
    }

    /**
     * Runs {@code handler} for each event of the type in the publisher's transaction. Its failure fails
     * the publisher's transaction: a change and what it writes for its events commit together or not at all.
     */
    public <E> void inTransaction(Class<E> type, Consumer<? super E> handler) {
        inTransaction.add(new Handler<>(type, handler));
    }

    /** Runs {@code listener} for each event of the type once the publisher's transaction committed; never if it rolled back. */
    public <E> void afterCommit(Class<E> type, Consumer<? super E> listener) {
        afterCommit.add(new Handler<>(type, listener));
    }

    public void publish(Object event) {
        for (Handler<?> h : inTransaction) {
            if (h.wants(event)) {
                h.run(event);
            }
        }
        List<Handler<?>> later = afterCommit.stream().filter(h -> h.wants(event)).toList();
        if (!later.isEmpty()) {
            Tx.afterCommit(() -> later.forEach(h -> runQuietly(h, event)));
        }
    }

    private static void runQuietly(Handler<?> h, Object event) {
        try {
            h.run(event);
        } catch (RuntimeException e) {
            // the change is committed: one broken listener must not stop the others nor fail the caller
            LOG.log(Level.WARNING, "event listener failed for " + event.getClass().getSimpleName(), e);
        }
    }
}
