package com.arbdesk.bench;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.util.List;

/** The reference's bare {@code /ws?user=ID} endpoint: registers the socket under its user, nothing else. */
public final class ReferenceSocket extends Endpoint {
    private final ReferenceSockets sockets;
    private long userId = -1;

    ReferenceSocket(ReferenceSockets sockets) {
        this.sockets = sockets;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        List<String> user = session.getRequestParameterMap().get("user");
        userId = user == null || user.isEmpty() ? -1 : Long.parseLong(user.get(0));
        sockets.add(userId, session);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        sockets.remove(userId, session);
    }
}
