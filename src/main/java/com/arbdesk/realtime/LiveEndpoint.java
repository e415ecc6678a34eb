package com.arbdesk.realtime;

import com.arbdesk.auth.CurrentUser;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live-update socket at /ws. The auth filter has already refused unauthenticated and
 * foreign-origin upgrades, so every session here has a {@link CurrentUser} principal.
 */
@ServerEndpoint("/ws")
public class LiveEndpoint {
    private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());

    @OnOpen
    public void open(Session session) throws IOException {
        if (!(session.getUserPrincipal() instanceof CurrentUser user)) {
            session.close(new CloseReason(new CloseReason.CloseCode() {
                @Override
                public int getCode() {
                    return 4401;
                }
            }, "authentication required"));
            return;
        }
        session.getUserProperties().put(CurrentUser.ATTRIBUTE, user);
        SessionRegistry.get().add(user, session);
        session.getAsyncRemote().sendText("{\"event\":\"hello\",\"seq\":0,\"data\":{\"user_id\":" + user.id()
                + ",\"role\":\"" + user.role().name() + "\"}}");
    }

    @OnClose
    public void close(Session session) {
        SessionRegistry.get().remove(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "websocket error", error);
        SessionRegistry.get().remove(session);
    }
}
