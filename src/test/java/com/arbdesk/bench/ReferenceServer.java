package com.arbdesk.bench;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * The bare reference: the same embedded Tomcat and jars as the app, one IPN servlet, a {@code /health}
 * servlet and a bare {@code /ws} endpoint. Run as its own JVM:
 * {@code ReferenceServer --port=P --db=FILE --secret=S}.
 */
public final class ReferenceServer {
    private ReferenceServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        int port = Integer.parseInt(a.get("port"));
        Path base = Files.createTempDirectory("arbdesk-reference-");
        ReferenceStore store = new ReferenceStore(a.get("db"));
        ReferenceSockets sockets = new ReferenceSockets();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.getConnector().setProperty("maxConnections", "20000");
        Context ctx = tomcat.addContext("", base.toString());
        ctx.addServletContainerInitializer(new WsSci(), null);
        Tomcat.addServlet(ctx, "ipn", new ReferenceIpnServlet(new ReferenceVerifier(a.get("secret")), store, sockets));
        ctx.addServletMappingDecoded("/api/nowpayments/ipn", "ipn");
        Tomcat.addServlet(ctx, "health", new ReferenceHealthServlet());
        ctx.addServletMappingDecoded("/health", "health");
        // A catch-all mapping: without a servlet for /ws Tomcat answers 404 before the WebSocket filter runs.
        ctx.addServletMappingDecoded("/", "health");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(tomcat, store, base), "reference-stop"));
        tomcat.start();
        addSocketEndpoint(ctx, sockets);
        System.out.println("reference listening on 127.0.0.1:" + port);
        tomcat.getServer().await();
    }

    private static void addSocketEndpoint(Context ctx, ReferenceSockets sockets) throws DeploymentException {
        ServerContainer container = (ServerContainer) ctx.getServletContext().getAttribute(ServerContainer.class.getName());
        container.addEndpoint(ServerEndpointConfig.Builder.create(ReferenceSocket.class, "/ws")
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(new ReferenceSocket(sockets));
                    }
                }).build());
    }

    private static void stop(Tomcat tomcat, ReferenceStore store, Path base) {
        try {
            tomcat.stop();
            tomcat.destroy();
            store.close();
            Suite.deleteTree(base);
        } catch (LifecycleException | java.sql.SQLException | java.io.IOException e) {
            System.err.println("reference stop: " + e);
        }
    }
}
