package com.arbdesk.boot;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration until ArbDesk has read its settings ({@link Logging#useFormat} then sets the chosen
 * format): the human format on the console, libraries at WARN. It is set in code, found through Logback's service
 * file, because parsing an XML configuration took about a quarter of a second of every start-up (issue #13).
 */
public final class LogbackDefaults extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logging.configure(context, "human");
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
