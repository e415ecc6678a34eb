package com.arbdesk.boot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes every log record of the application to Logback on the console, one line per event: app code,
 * Tomcat and Jersey log through java.util.logging and reach Logback through the JUL bridge; Flyway and
 * XChange use SLF4J directly. Libraries are held at WARN so that start-up says only what an operator needs.
 * In a standalone Tomcat the JUL root seen here is the web application's own (Tomcat's per-application
 * log manager), so the container's logging is left as it was.
 */
public final class Logging implements AutoCloseable {
    /** The human format: time, level, logger, request id, message (line breaks folded so one event is one line). */
    static final String HUMAN_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{30} [%X{request_id:--}]"
            + " - %replace(%msg){'[\\r\\n]+\\s*', ' | '}%n%ex";

    /** Libraries that log their start-up at INFO; their warnings and errors still show. */
    private static final Map<String, Level> QUIET = Map.of("org.apache", Level.WARN, "org.glassfish", Level.WARN,
            "org.jvnet", Level.WARN, "org.flywaydb", Level.WARN, "org.knowm.xchange", Level.WARN,
            "si.mazi.rescu", Level.WARN, "com.zaxxer", Level.WARN, "jakarta", Level.WARN, "io.micrometer", Level.WARN);

    private final List<Handler> replaced;
    private final SLF4JBridgeHandler bridge;

    private Logging(List<Handler> replaced, SLF4JBridgeHandler bridge) {
        this.replaced = replaced;
        this.bridge = bridge;
    }

    /**
     * Installs the JUL bridge in front of Logback's start-up configuration ({@link LogbackDefaults}, which already
     * set the human format: the caller switches it once the settings are read); {@link #close()} undoes it.
     */
    public static Logging install() {
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        List<Handler> old = List.of(root.getHandlers());
        old.forEach(root::removeHandler);
        SLF4JBridgeHandler bridge = new SLF4JBridgeHandler();
        root.addHandler(bridge);
        // in a standalone Tomcat this root has the container's root as parent: do not log twice
        root.setUseParentHandlers(false);
        return new Logging(old, bridge);
    }

    /** Switches the console to "human" or "json" (LOG_FORMAT). */
    public static void useFormat(String format) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            configure(ctx, format);
        }
    }

    static void configure(LoggerContext ctx, String format) {
        ctx.reset();
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(ctx);
        propagator.start();
        ctx.addListener(propagator);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName("console");
        console.setEncoder(encoder(ctx, format));
        console.start();
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        QUIET.forEach((name, level) -> ctx.getLogger(name).setLevel(level));
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext ctx, String format) {
        if ("json".equals(format)) {
            JsonLogLayout layout = new JsonLogLayout();
            layout.setContext(ctx);
            layout.start();
            LayoutWrappingEncoder<ILoggingEvent> e = new LayoutWrappingEncoder<>();
            e.setContext(ctx);
            e.setLayout(layout);
            e.start();
            return e;
        }
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(HUMAN_PATTERN);
        e.start();
        return e;
    }

    /** Takes the bridge off the JUL root again (the container keeps logging after the application stops). */
    @Override
    public void close() {
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        root.removeHandler(bridge);
        replaced.forEach(root::addHandler);
        root.setUseParentHandlers(true);
    }
}
