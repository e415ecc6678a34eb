package com.arbdesk.web.live;

import com.arbdesk.realtime.LivePublisher;
import com.arbdesk.realtime.SessionRegistry;
import jakarta.servlet.ServletContext;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Deploys {@link LiveEndpoint} with the application's socket registry and publisher, and builds each
 * connection's endpoint with them, so the endpoint needs no static state.
 */
public final class LiveEndpointConfigurator extends ServerEndpointConfig.Configurator {
    private final SessionRegistry sessions;
    private final LivePublisher publisher;

    private LiveEndpointConfigurator(SessionRegistry sessions, LivePublisher publisher) {
        this.sessions = sessions;
        this.publisher = publisher;
    }

    /**
     * Registers the endpoint with the web application's WebSocket container; called while the application starts
     * (the container accepts endpoints only then). The class scan skips it ({@link ScannedEndpoints}): this is
     * the one place it is deployed, with its collaborators, in the embedded server and in a standalone Tomcat alike.
     */
    public static void deploy(ServletContext ctx, SessionRegistry sessions, LivePublisher publisher) {
        Object container = ctx.getAttribute(ServerContainer.class.getName());
        if (!(container instanceof ServerContainer ws)) {
            throw new IllegalStateException("the servlet container offers no WebSocket support");
        }
        String path = LiveEndpoint.class.getAnnotation(ServerEndpoint.class).value();
        try {
            ws.addEndpoint(ServerEndpointConfig.Builder.create(LiveEndpoint.class, path)
                    .configurator(new LiveEndpointConfigurator(sessions, publisher)).build());
        } catch (DeploymentException e) {
            throw new IllegalStateException("cannot deploy the live socket at " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != LiveEndpoint.class) {
            throw new InstantiationException("not the live endpoint: " + endpointClass.getName());
        }
        return endpointClass.cast(new LiveEndpoint(sessions, publisher));
    }
}
