package com.arbdesk.boot;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line for {@code LOG_FORMAT=json}: time, level, logger, thread, message, the MDC
 * (the request id) and the exception as one escaped string. Hand-rolled so that no JSON library has to
 * be on the logging path.
 */
public final class JsonLogLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent e) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"time\":\"").append(Instant.ofEpochMilli(e.getTimeStamp())).append('"');
        field(sb, "level", e.getLevel().toString());
        field(sb, "logger", e.getLoggerName());
        field(sb, "thread", e.getThreadName());
        field(sb, "message", e.getFormattedMessage());
        Map<String, String> mdc = e.getMDCPropertyMap();
        if (mdc != null) {
            mdc.forEach((k, v) -> field(sb, k, v));
        }
        IThrowableProxy t = e.getThrowableProxy();
        if (t != null) {
            field(sb, "error", t.getClassName() + ": " + t.getMessage());
            field(sb, "stack", ThrowableProxyUtil.asString(t));
        }
        return sb.append('}').append(CoreConstants.LINE_SEPARATOR).toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(",\"");
        escape(sb, name);
        sb.append("\":");
        if (value == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        escape(sb, value);
        sb.append('"');
    }

    static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
