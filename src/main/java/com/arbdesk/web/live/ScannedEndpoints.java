package com.arbdesk.web.live;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;

/**
 * Tells the container's class scan to deploy none of the endpoints it finds: {@link LiveEndpoint}'s
 * annotation only names its path and access rule, and {@link LiveEndpointConfigurator} deploys it with
 * its collaborators (deploying it twice would fail on the duplicate path).
 */
public final class ScannedEndpoints implements ServerApplicationConfig {
    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
        return Set.of();
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return Set.of();
    }
}
