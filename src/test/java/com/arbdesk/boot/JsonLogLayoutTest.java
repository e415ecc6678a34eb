package com.arbdesk.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLogLayoutTest {

    @Test
    void oneEventIsOneParsableLineWithTheMdcAndTheError() throws Exception {
        LoggerContext ctx = new LoggerContext();
        LoggingEvent e = new LoggingEvent("x", ctx.getLogger("com.arbdesk.Test"), Level.WARN,
                "two\nlines with \"quotes\" and \u0001", new IllegalStateException("boom"), null);
        e.setMDCPropertyMap(Map.of("request_id", "r-1"));
        String line = new JsonLogLayout().doLayout(e);
        assertEquals(1, line.strip().split("\n").length, line);
        JsonNode n = new ObjectMapper().readTree(line);
        assertEquals("WARN", n.path("level").asText());
        assertEquals("com.arbdesk.Test", n.path("logger").asText());
        assertEquals("two\nlines with \"quotes\" and \u0001", n.path("message").asText());
        assertEquals("r-1", n.path("request_id").asText());
        assertEquals("java.lang.IllegalStateException: boom", n.path("error").asText());
        assertTrue(n.path("stack").asText().contains("JsonLogLayoutTest"));
    }
}
