package com.arbdesk.boot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.LogManager;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat serving a WAR at the root context: the {@code java -jar} entry point and the
 * integration tests' server. Settings given as context parameters override the environment.
 */
public final class EmbeddedServer implements AutoCloseable {
    private final Tomcat tomcat;
    private final Path baseDir;
    private final boolean deleteBaseDir;

    private EmbeddedServer(Tomcat tomcat, Path baseDir, boolean deleteBaseDir) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
        this.deleteBaseDir = deleteBaseDir;
    }

    /** Entry point from {@link WarLauncher}: {@code java -jar arbdesk.war [--port N]}. */
    public static void run(String[] args, Path war) throws IOException, LifecycleException {
        Integer port = null;
        boolean sandboxOnly = false;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (i == 0 && "sandbox".equals(args[i])) {
                sandboxOnly = true;
            } else {
                System.err.println("usage: java -jar arbdesk.war [sandbox] [--port N] | backup FILE [--database PATH]   (settings: see README.md)");
                System.exit(2);
            }
        }
        // the launcher needs the port before the application's configuration exists; AppConfig reads the same PORT
        String envPort = System.getenv("PORT");
        int p = port != null ? port : envPort != null && !envPort.isBlank() ? Integer.parseInt(envPort.trim()) : 8080;
        Map<String, String> params = new java.util.HashMap<>();
        if (port != null) {
            params.put("arbdesk.PORT", Integer.toString(port));
        }
        if (sandboxOnly) {
            // the sandbox alone: demo mode, its own throwaway database, nothing but /sandbox served
            params.put("arbdesk.APP_MODE", "demo");
            params.put("arbdesk.SANDBOX_ONLY", "true");
            params.put("arbdesk.DATABASE_PATH", Files.createTempDirectory("arbdesk-sandbox-").resolve("sandbox.db").toString());
            // a DATABASE_URL in the environment names the desk's shared database, never the sandbox's throwaway one
            params.put("arbdesk.DATABASE_URL", "");
            params.put("arbdesk.DATABASE_USER", "");
            params.put("arbdesk.DATABASE_PASSWORD", "");
        }
        EmbeddedServer server = start(war, p, params, Files.createTempDirectory("arbdesk-tomcat-"), true);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "arbdesk-shutdown"));
        server.tomcat.getServer().await();
    }

    public static EmbeddedServer start(Path war, int port, Map<String, String> contextParams, Path baseDir,
                                       boolean deleteBaseDir) throws IOException, LifecycleException {
        containerLogging();
        Files.createDirectories(baseDir.resolve("webapps"));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("maxConnections", "20000");
        compress(tomcat.getConnector());
        tomcat.getHost().setAutoDeploy(false);
        // errors Tomcat raises before the application runs (bad URI, header too large) get our quiet page, not its report
        ((StandardHost) tomcat.getHost()).setErrorReportValveClass(QuietErrorReportValve.class.getName());
        Context ctx = tomcat.addWebapp("", war.toAbsolutePath().toString());
        ctx.setParentClassLoader(EmbeddedServer.class.getClassLoader());
        contextParams.forEach(ctx::addParameter);
        tomcat.getServer().setParentClassLoader(EmbeddedServer.class.getClassLoader());
        EmbeddedServer server = new EmbeddedServer(tomcat, baseDir, deleteBaseDir);
        tomcat.start();
        if (ctx.getState() != LifecycleState.STARTED) {
            server.close();
            throw new IllegalStateException("the web application did not start; the reason is logged above");
        }
        return server;
    }

    /**
     * gzip for text answers above 1 KiB (pages, CSS, JavaScript, JSON such as the opportunities list), when the
     * client accepts it. Sendfile is off because Tomcat never compresses a file it sends that way (48 KiB and
     * up). A standalone Tomcat takes the same attributes on its Connector in conf/server.xml (README).
     */
    static void compress(org.apache.catalina.connector.Connector connector) {
        connector.setProperty("compression", "on");
        connector.setProperty("compressionMinSize", "1024");
        connector.setProperty("compressibleMimeType", COMPRESSIBLE);
        connector.setProperty("useSendfile", "false");
    }

    static final String COMPRESSIBLE = "text/html,text/css,text/plain,text/javascript,application/javascript,"
            + "application/json,image/svg+xml";

    /**
     * Tomcat logs through java.util.logging. Until the application installs its bridge to Logback (first thing
     * at its start) and after it is gone, records go to the console one line each, and Tomcat's start-up chatter
     * ("Initializing ProtocolHandler", "Unknown class loader") stays below the WARNING level.
     */
    private static void containerLogging() throws IOException {
        String conf = String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.level=ALL",
                "java.util.logging.ConsoleHandler.formatter=java.util.logging.SimpleFormatter",
                "java.util.logging.SimpleFormatter.format=%1$tF %1$tT.%1$tL %4$-7s %3$s - %5$s%6$s%n",
                ".level=INFO",
                "org.apache.level=WARNING");
        try (InputStream in = new ByteArrayInputStream(conf.getBytes(StandardCharsets.ISO_8859_1))) {
            LogManager.getLogManager().readConfiguration(in);
        }
    }

    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() {
        try {
            if (tomcat.getServer().getState().isAvailable()) {
                tomcat.stop();
            }
            tomcat.destroy();
        } catch (LifecycleException e) {
            System.err.println("ArbDesk: error while stopping Tomcat: " + e.getMessage());
        }
        if (deleteBaseDir) {
            deleteTree(baseDir);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("ArbDesk: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
