package com.arbdesk.web.live;

import com.arbdesk.auth.Roles;
import com.arbdesk.realtime.LiveEventDao;
import com.arbdesk.realtime.LivePublisher;
import com.arbdesk.realtime.Outbox;
import com.arbdesk.realtime.SessionRegistry;
import com.arbdesk.web.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live-update socket at /ws. The auth filter has already refused unauthenticated and
 * foreign-origin upgrades, so every session has a {@link CurrentUser} principal. On open the client
 * gets {@code hello} with the latest seq; it may send {@code {"type":"resume","last_seq":N}} to get
 * what it missed, or a {@code resync} telling it to reload its state over REST; {@code {"type":"subscribe","topic":"market"}}
 * makes each arbitrage_update carry the delta of the opportunity list and is answered {@code market_subscribed}, after
 * which the page reads the list; {@code "topic":"market_summary"} asks for each announcement's short summary only
 * (answered {@code market_summary_subscribed}). A socket that asked for neither gets no arbitrage_update. The annotation names the
 * path and the access rule; {@link LiveEndpointConfigurator} deploys it and builds each instance.
 */
@RolesAllowed(Roles.USER)
@ServerEndpoint("/ws")
public class LiveEndpoint {
    private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());
    private static final int MAX_CATCH_UP = 500;
    private static final long IDLE_TIMEOUT_MS = 120_000;

    private final SessionRegistry sessions;
    private final LivePublisher publisher;

    LiveEndpoint(SessionRegistry sessions, LivePublisher publisher) {
        this.sessions = sessions;
        this.publisher = publisher;
    }

    @OnOpen
    public void open(Session session) throws IOException {
        if (!(session.getUserPrincipal() instanceof CurrentUser user)) {
            session.close(new CloseReason(() -> 4401, "authentication required"));
            return;
        }
        session.setMaxIdleTimeout(IDLE_TIMEOUT_MS);
        Outbox out = sessions.add(user.id(), user.sessionId(), user.expiresAt(), new SessionSocket(session));
        long latest = publisher.latestSeq(user.id());
        out.start(LivePublisher.envelope("hello", latest, "{\"user_id\":" + user.id() + ",\"role\":\"" + user.role().name() + "\"}"));
    }

    @OnMessage
    public void message(Session session, String text) {
        Outbox out = sessions.outbox(session.getId());
        if (out == null || text.length() > 1024) {
            return;
        }
        JsonNode msg;
        try {
            msg = LivePublisher.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return; // clients only send small control messages; anything else is ignored
        }
        switch (msg.path("type").asText()) {
            case "ping" -> out.offer("{\"event\":\"pong\",\"seq\":0,\"data\":{}}");
            case "resume" -> resume(out, msg.path("last_seq").asLong(0));
            case "subscribe" -> {
                switch (msg.path("topic").asText()) {
                    case "market" -> {
                        // the ack goes after the flag is set: a list the page reads once it has the ack is at least as new
                        // as the last announcement it may have missed, so every later delta reaches it (no gap to read over)
                        out.subscribeMarket();
                        out.offer("{\"event\":\"market_subscribed\",\"seq\":0,\"data\":{}}");
                    }
                    case "market_summary" -> {
                        out.subscribeMarketSummary();
                        out.offer("{\"event\":\"market_summary_subscribed\",\"seq\":0,\"data\":{}}");
                    }
                    default -> { }
                }
            }
            default -> { }
        }
    }

    private void resume(Outbox out, long lastSeq) {
        List<LiveEventDao.Stored> missed = publisher.since(out.userId, lastSeq, MAX_CATCH_UP);
        if (missed == null) {
            sessions.stats().resynced();
            out.offer("{\"event\":\"resync\",\"seq\":0,\"data\":{}}");
            return;
        }
        sessions.stats().resumed();
        missed.forEach(e -> out.offer(LivePublisher.envelope(e.event(), e.seq(), e.data())));
    }

    @OnClose
    public void close(Session session) {
        sessions.remove(session.getId());
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "websocket error", error);
        sessions.remove(session.getId());
    }
}
