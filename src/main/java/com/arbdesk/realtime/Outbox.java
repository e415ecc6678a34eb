package com.arbdesk.realtime;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;

/**
 * One socket's queue of outgoing messages with at most one send in flight, so a slow or dead
 * client only ever delays itself; a client whose queue overflows is closed (it reconnects and resumes by seq).
 * <p>
 * The limit is on what the queue holds, in characters, with a count cap behind it: a busy account's burst of small
 * events (the benchmark's payer gets two per IPN, 1,400 a second) fits about a second and a half, while a few
 * market-data deltas (up to ~130 KB each) are as much as a stalled dashboard may hold. A count of 256 closed a
 * healthy socket after a 0.2 s stall under that burst, yet let 256 deltas (30 MB) pile up for a dead one.
 */
public final class Outbox {
    static final int MAX_QUEUED_CHARS = 1 << 20;
    static final int MAX_QUEUED = 4_096;
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    final LiveSocket socket;
    public final long userId;
    final java.time.Instant expiresAt;
    /** The session the socket was opened with; null for a socket-token socket. */
    final String sessionId;
    private final LiveStats stats;
    private final Deque<String> queue = new ArrayDeque<>();
    /** The characters in {@link #queue}. */
    private long queuedChars;
    private boolean sending;
    private boolean closed;
    /** Queued but not sent yet: a new socket waits for its hello, which must go first (see {@link #start}). */
    private boolean holding;
    /** What market data the socket asked for: none until it subscribes; the deltas carry the summary's fields. */
    private enum MarketFeed { NONE, SUMMARY, DELTAS }

    private volatile MarketFeed market = MarketFeed.NONE;

    Outbox(LiveSocket socket, long userId, java.time.Instant expiresAt, String sessionId, LiveStats stats) {
        this.socket = socket;
        this.stats = stats;
        this.userId = userId;
        this.expiresAt = expiresAt;
        this.sessionId = sessionId;
    }

    /** A heartbeat, skipped while a message is in flight (that traffic already proves the socket alive). */
    void ping() {
        synchronized (this) {
            if (sending || closed) {
                return;
            }
        }
        try {
            socket.ping();
        } catch (IOException e) {
            close(LiveSocket.CLOSED_ABNORMALLY, "ping failed");
        } catch (IllegalStateException e) {
            // a message started in between: fine, the next sweep pings again
        }
    }

    /** From now on this socket gets each arbitrage_update with its delta. */
    public synchronized void subscribeMarket() {
        market = MarketFeed.DELTAS;
    }

    /** From now on this socket gets each arbitrage_update's summary, unless it already has the deltas. */
    public synchronized void subscribeMarketSummary() {
        if (market == MarketFeed.NONE) {
            market = MarketFeed.SUMMARY;
        }
    }

    /** Of an announcement's two texts, the one this socket asked for; null when it asked for no market data. */
    String marketMessage(String deltas, String summary) {
        return switch (market) {
            case DELTAS -> deltas;
            case SUMMARY -> summary;
            case NONE -> null;
        };
    }

    public void offer(String message) {
        String overflow = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= MAX_QUEUED || queuedChars + message.length() > MAX_QUEUED_CHARS) {
                overflow = queue.size() + " messages, " + queuedChars + " characters";
                closed = true;
                queue.clear();
                queuedChars = 0;
            } else {
                queue.addLast(message);
                queuedChars += message.length();
                if (sending || holding) {
                    return;
                }
                sending = true;
            }
        }
        if (overflow != null) {
            stats.overflowed();
            // an operator's question after "my live updates stopped": this answers it (the client resumes by seq)
            LOG.warning("closing the live socket " + socket.id() + " of user " + userId + ": it fell behind by " + overflow);
            close(LiveSocket.TRY_AGAIN_LATER, "too slow: reconnect and resume");
            return;
        }
        pump();
    }

    /** Holds what is offered until {@link #start}: used while a new socket's hello is being worked out. */
    void hold() {
        synchronized (this) {
            holding = true;
        }
    }

    /** Sends {@code first}, then everything offered while holding, in order. */
    public void start(String first) {
        synchronized (this) {
            if (closed) {
                return;
            }
            holding = false;
            queue.addFirst(first);
            queuedChars += first.length();
            if (sending) {
                return;
            }
            sending = true;
        }
        pump();
    }

    private void pump() {
        String next;
        synchronized (this) {
            next = queue.pollFirst();
            if (next != null) {
                queuedChars -= next.length();
            }
            if (next == null || closed) {
                sending = false;
                return;
            }
        }
        try {
            socket.sendText(next, ok -> {
                if (!ok) {
                    close(LiveSocket.CLOSED_ABNORMALLY, "send failed");
                    return;
                }
                stats.sent();
                pump();
            });
        } catch (IllegalStateException e) {
            // the socket closed between the check and the send
            close(LiveSocket.CLOSED_ABNORMALLY, "socket closed");
        }
    }

    void close(int code, String reason) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        socket.close(code, reason);
    }
}
