package com.arbdesk.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A socket for the realtime tests: records what it was sent, counts its pings and keeps the first close code. */
class RecordingSocket implements LiveSocket {
    private final String id;
    private final List<String> sent = new ArrayList<>();
    private int pings;
    private Integer closedWith;

    RecordingSocket() {
        this(null);
    }

    /** {@code id} null: one of its own. */
    RecordingSocket(String id) {
        this.id = id != null ? id : Integer.toHexString(System.identityHashCode(this));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void sendText(String message, Consumer<Boolean> done) {
        synchronized (sent) {
            sent.add(message);
        }
        done.accept(true);
    }

    @Override
    public synchronized void ping() {
        pings++;
    }

    @Override
    public synchronized void close(int code, String reason) {
        if (closedWith == null) {
            closedWith = code;
        }
    }

    List<String> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    synchronized int pings() {
        return pings;
    }

    synchronized Integer closedWith() {
        return closedWith;
    }
}
