package com.arbdesk.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded server sizes Tomcat's WebSocket frame buffers, unless the operator gave the property. */
class EmbeddedServerWebSocketBuffersTest {
    private final String saved = System.getProperty(EmbeddedServer.WS_BUFFER_PROPERTY);

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(EmbeddedServer.WS_BUFFER_PROPERTY);
        } else {
            System.setProperty(EmbeddedServer.WS_BUFFER_PROPERTY, saved);
        }
    }

    @Test
    void setsTwoKiBWhenUnsetAndKeepsAnExplicitValue() {
        System.clearProperty(EmbeddedServer.WS_BUFFER_PROPERTY);
        EmbeddedServer.webSocketBuffers();
        assertEquals("2048", System.getProperty("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE"));

        System.setProperty(EmbeddedServer.WS_BUFFER_PROPERTY, "4096");
        EmbeddedServer.webSocketBuffers();
        assertEquals("4096", System.getProperty("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE"), "-D wins");
    }
}
