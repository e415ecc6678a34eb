package com.arbdesk.nowpayments;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads NOWPayments JSON field by field, tolerating the provider's type drift (ids and amounts as
 * numbers or strings, the string "null", timestamps as ISO text or epoch milliseconds).
 */
final class ProviderJson {

    /**
     * Why a mapper of our own: amounts must keep the provider's exact lexeme. Floats are read as
     * BigDecimal (never double) and trailing zeros are kept, so "50.10" stays 50.10; when we write,
     * BigDecimals go out in plain notation.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ProviderJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Puts a text field, leaving it out when null so the provider applies its default. */
    static void putOptional(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** Puts an amount as a JSON number in plain notation, exactly the BigDecimal's digits. */
    static void putOptional(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** Parses a body; null when it is not JSON at all. */
    static JsonNode parseOrNull(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** Text of a field; null when absent, JSON null, blank or the provider's string "null". */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() || "null".equals(s) ? null : s;
    }

    /** An id the provider sends as a number in one place and as a string in another. */
    static String id(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v != null && v.isNumber() && !v.isIntegralNumber()) {
            throw unexpected(field, "is not a whole number");
        }
        return text(node, field);
    }

    /** A list of ids ({@code [5513339153, "5513339154"]}); empty when absent, null or not a list. */
    static java.util.List<String> ids(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isArray()) {
            return java.util.List.of();
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode item : v) {
            if (item.isIntegralNumber() || item.isTextual() && item.asText().matches("\\d{1,20}")) {
                out.add(item.asText());
            }
        }
        return java.util.List.copyOf(out);
    }

    static String ticker(JsonNode node, String field) {
        String s = text(node, field);
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /**
     * An amount from a JSON number or a numeric string, taken from its textual lexeme. Why never
     * double: 0.1 + 0.2 style errors in a credited amount are real money.
     */
    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBigDecimal() || v.isIntegralNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (s.isEmpty() || "null".equals(s)) {
                return null;
            }
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw unexpected(field, "is not a decimal number");
            }
        }
        throw unexpected(field, "is neither a number nor a numeric string");
    }

    static BigDecimal requiredDecimal(JsonNode node, String field) {
        BigDecimal d = decimal(node, field);
        if (d == null) {
            throw unexpected(field, "is missing");
        }
        return d;
    }

    static String requiredText(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            throw unexpected(field, "is missing");
        }
        return s;
    }

    /**
     * A timestamp as ISO-8601 text or epoch milliseconds (number or digit string). Null when absent
     * or unreadable: timestamps are informational and must not block reading a payment.
     */
    static Instant instant(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v != null && v.isIntegralNumber()) {
            return Instant.ofEpochMilli(v.longValue());
        }
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return s.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochMilli(Long.parseLong(s))
                    : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v != null && v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        String s = text(node, field);
        if (s == null || !s.matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(s);
    }

    static boolean flag(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText()));
    }

    static NowPaymentsException unexpected(String field, String problem) {
        return NowPaymentsException.unexpected("field " + field + " " + problem);
    }
}
