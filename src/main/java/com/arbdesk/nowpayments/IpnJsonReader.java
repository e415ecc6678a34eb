package com.arbdesk.nowpayments;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict parser for IPN bodies: UTF-8 only, one top-level object, no duplicate keys, bounded depth.
 * Numbers are kept as their exact wire lexeme because the signature covers that text, not a value.
 * The same single pass also builds the Jackson tree the payment is read from (as {@link ProviderJson#MAPPER}
 * would: exact BigDecimals), so a verified IPN body is decoded and parsed once.
 */
final class IpnJsonReader {

    /** Maximum nesting of objects and arrays, the top-level object counting as depth 1. */
    static final int MAX_DEPTH = 64;

    // Jackson's defaults already refuse comments, single quotes, NaN, leading zeros and raw control
    // characters in strings; duplicates and depth are checked below with our own messages.
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** One parse of a body: the canonical-form tree, the Jackson tree of the same values, and the decoded text. */
    record Parsed(IpnJsonNode.Obj root, ObjectNode tree, String text) {
    }

    private IpnJsonReader() {
    }

    static Parsed read(byte[] utf8Body) throws MalformedIpnJsonException {
        String text = decodeStrictUtf8(utf8Body);
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedIpnJsonException("top-level JSON value is missing or not an object");
            }
            ObjectNode tree = NODES.objectNode();
            IpnJsonNode.Obj root = readObject(parser, 1, tree);
            // Why: a second value or garbage after the object would not be covered by the signature.
            if (parser.nextToken() != null) {
                throw new MalformedIpnJsonException("content after the top-level object");
            }
            return new Parsed(root, tree, text);
        } catch (JsonProcessingException e) {
            // Why: Jackson's message quotes body text; report only where parsing stopped.
            throw new MalformedIpnJsonException("invalid JSON" + where(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from memory failed", e);
        }
    }

    // Why decode ourselves: handing bytes to Jackson would let it auto-detect UTF-16/UTF-32 and
    // accept malformed sequences (overlong forms, encoded surrogates) that Java's decoder refuses.
    private static String decodeStrictUtf8(byte[] body) throws MalformedIpnJsonException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedIpnJsonException("body is not valid UTF-8");
        }
    }

    private static IpnJsonNode.Obj readObject(JsonParser parser, int depth, ObjectNode tree)
            throws IOException, MalformedIpnJsonException {
        checkDepth(depth);
        Map<String, IpnJsonNode> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonNode[] mirror = new JsonNode[1];
            IpnJsonNode value = readValue(parser, parser.nextToken(), depth, mirror);
            tree.set(name, mirror[0]);
            // Why: with duplicates, which value the sender signed and which one we act on is
            // ambiguous; refusing the body removes that room for a confusion attack.
            if (members.put(name, value) != null) {
                throw new MalformedIpnJsonException("duplicate object key");
            }
        }
        return new IpnJsonNode.Obj(Collections.unmodifiableMap(members));
    }

    private static IpnJsonNode.Arr readArray(JsonParser parser, int depth, ArrayNode tree)
            throws IOException, MalformedIpnJsonException {
        checkDepth(depth);
        List<IpnJsonNode> elements = new ArrayList<>();
        JsonToken token;
        JsonNode[] mirror = new JsonNode[1];
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            elements.add(readValue(parser, token, depth, mirror));
            tree.add(mirror[0]);
        }
        return new IpnJsonNode.Arr(Collections.unmodifiableList(elements));
    }

    /** Reads one value; {@code mirror[0]} receives its Jackson form. */
    private static IpnJsonNode readValue(JsonParser parser, JsonToken token, int depth, JsonNode[] mirror)
            throws IOException, MalformedIpnJsonException {
        if (token == null) {
            throw new MalformedIpnJsonException("unexpected end of body");
        }
        switch (token) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                IpnJsonNode.Obj obj = readObject(parser, depth + 1, o);
                mirror[0] = o;
                return obj;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                IpnJsonNode.Arr arr = readArray(parser, depth + 1, a);
                mirror[0] = a;
                return arr;
            }
            case VALUE_STRING: {
                String text = parser.getText();
                mirror[0] = NODES.textNode(text);
                return new IpnJsonNode.Scalar(JsStrings.quote(text));
            }
            case VALUE_NUMBER_INT:
                mirror[0] = switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
                // getText() on a number token is the lexeme as received (1e-7 stays 1e-7).
                return new IpnJsonNode.Scalar(parser.getText());
            case VALUE_NUMBER_FLOAT:
                // as ProviderJson.MAPPER reads floats: the exact BigDecimal, trailing zeros kept
                mirror[0] = NODES.numberNode(parser.getDecimalValue());
                return new IpnJsonNode.Scalar(parser.getText());
            case VALUE_TRUE:
                mirror[0] = NODES.booleanNode(true);
                return new IpnJsonNode.Scalar("true");
            case VALUE_FALSE:
                mirror[0] = NODES.booleanNode(false);
                return new IpnJsonNode.Scalar("false");
            case VALUE_NULL:
                mirror[0] = NODES.nullNode();
                return new IpnJsonNode.Scalar("null");
            default:
                throw new MalformedIpnJsonException("unexpected JSON token " + token);
        }
    }

    private static void checkDepth(int depth) throws MalformedIpnJsonException {
        if (depth > MAX_DEPTH) {
            throw new MalformedIpnJsonException("nesting deeper than " + MAX_DEPTH);
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
