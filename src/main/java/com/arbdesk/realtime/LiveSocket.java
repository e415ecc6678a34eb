package com.arbdesk.realtime;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * One open client socket as the realtime layer sees it, with no WebSocket types: the web layer adapts
 * its sessions to this, so realtime can queue, ping and close without speaking the protocol.
 */
public interface LiveSocket {
    /** The normal WebSocket close codes realtime uses, and ours for "log in again". */
    int CLOSED_ABNORMALLY = 1006;
    int TRY_AGAIN_LATER = 1013;
    int SESSION_ENDED = 4401;

    /** Unique among the open sockets. */
    String id();

    /**
     * Starts sending one text message; {@code done} later gets true once it went out, false when it failed.
     *
     * @throws IllegalStateException when the socket closed or a send is already in flight
     */
    void sendText(String message, Consumer<Boolean> done);

    /**
     * Sends a ping frame.
     *
     * @throws IOException when the socket is broken
     * @throws IllegalStateException when a message is being sent
     */
    void ping() throws IOException;

    /** Closes the socket, if still open, with the code and reason; never throws. */
    void close(int code, String reason);
}
