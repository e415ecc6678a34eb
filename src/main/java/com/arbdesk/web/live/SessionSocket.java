package com.arbdesk.web.live;

import com.arbdesk.realtime.LiveSocket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A WebSocket session seen through realtime's {@link LiveSocket}: the only place its protocol types meet ours. */
final class SessionSocket implements LiveSocket {
    private static final Logger LOG = Logger.getLogger(SessionSocket.class.getName());

    private final Session session;

    SessionSocket(Session session) {
        this.session = session;
    }

    @Override
    public String id() {
        return session.getId();
    }

    @Override
    public void sendText(String message, Consumer<Boolean> done) {
        session.getAsyncRemote().sendText(message, result -> done.accept(result.isOK()));
    }

    @Override
    public void ping() throws IOException {
        session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
    }

    @Override
    public void close(int code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a websocket failed", e);
        }
    }
}
