package com.arbdesk.web.live;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells the container's class scan not to deploy {@link LiveEndpoint}: its annotation only names its
 * path and access rule, and {@link LiveEndpointConfigurator} deploys it with its collaborators
 * (deploying it twice would fail on the duplicate path). Other annotated endpoints deploy as found.
 */
public final class ScannedEndpoints implements ServerApplicationConfig {
    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
        return Set.of();
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return scanned.stream().filter(c -> c != LiveEndpoint.class).collect(Collectors.toSet());
    }
}
