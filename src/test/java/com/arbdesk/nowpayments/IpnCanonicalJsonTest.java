package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Canonical forms against api-facts.md section 6 and the strict-parsing rules. */
class IpnCanonicalJsonTest {

    private static final String TV1_BODY = """
            {"payment_id":5707074779,"invoice_id":null,"payment_status":"finished","pay_address":"82z6VncRYThPngU4HVtXbejgqSNkoLqQXeN2fXGzWAEjC4SwkZgVKNa4KdDFUkKZVm6J1g77vJ34sSyrgcR3etKPSZi4TBg","price_amount":2.99,"price_currency":"usd","pay_amount":0.0247257,"actually_paid":0,"actually_paid_at_fiat":0,"pay_currency":"xmr","order_id":"p_3232","order_description":"my own best product","purchase_id":"4641811434","created_at":"2022-12-20T14:57:11.163Z","updated_at":"2022-12-20T14:57:12.580Z","outcome_amount":2.971742,"outcome_currency":"usdttrc20"}""";
    private static final String TV1_CANONICAL = """
            {"actually_paid":0,"actually_paid_at_fiat":0,"created_at":"2022-12-20T14:57:11.163Z","invoice_id":null,"order_description":"my own best product","order_id":"p_3232","outcome_amount":2.971742,"outcome_currency":"usdttrc20","pay_address":"82z6VncRYThPngU4HVtXbejgqSNkoLqQXeN2fXGzWAEjC4SwkZgVKNa4KdDFUkKZVm6J1g77vJ34sSyrgcR3etKPSZi4TBg","pay_amount":0.0247257,"pay_currency":"xmr","payment_id":5707074779,"payment_status":"finished","price_amount":2.99,"price_currency":"usd","purchase_id":"4641811434","updated_at":"2022-12-20T14:57:12.580Z"}""";
    private static final String TV5_BODY = """
            {"payment_id":5000000001,"payment_status":"finished","order_description":"Café/Über é \\"q\\" €","outcome_amount":0.0000635,"fee":{"withdrawalFee":0,"serviceFee":1e-7,"depositFee":0.5,"currency":"usdttrc20"},"payment_extra_ids":[5000000002,5000000003]}""";
    private static final String TV5_RECURSIVE = """
            {"fee":{"currency":"usdttrc20","depositFee":0.5,"serviceFee":1e-7,"withdrawalFee":0},"order_description":"Café/Über é \\"q\\" €","outcome_amount":0.0000635,"payment_extra_ids":[5000000002,5000000003],"payment_id":5000000001,"payment_status":"finished"}""";

    @Test
    void tv1RealSandboxIpnCanonicalStringIsReproducedExactly() throws Exception {
        IpnCanonicalJson json = parse(TV1_BODY);
        assertEquals(TV1_CANONICAL, json.recursiveForm());
        assertEquals(TV1_CANONICAL, json.topLevelSortedForm(), "flat body: both forms agree");
    }

    @Test
    void tv2SortsNestedKeysOnlyInTheRecursiveForm() throws Exception {
        IpnCanonicalJson json = parse("{\"b\":2,\"a\":{\"d\":4,\"c\":3}}");
        assertEquals("{\"a\":{\"c\":3,\"d\":4},\"b\":2}", json.recursiveForm());
        assertEquals("{\"a\":{\"d\":4,\"c\":3},\"b\":2}", json.topLevelSortedForm());
    }

    @Test
    void tv5EdgeCasesMatchJavaScript() throws Exception {
        assertEquals(TV5_RECURSIVE, parse(TV5_BODY).recursiveForm());
    }

    @Test
    void arraysKeepOrderAndTheirObjectsAreSortedOnlyRecursively() throws Exception {
        IpnCanonicalJson json = parse("{\"z\":[3,1,{\"y\":1,\"x\":[{\"q\":1,\"p\":2}]}],\"a\":[]}");
        assertEquals("{\"a\":[],\"z\":[3,1,{\"x\":[{\"p\":2,\"q\":1}],\"y\":1}]}", json.recursiveForm());
        assertEquals("{\"a\":[],\"z\":[3,1,{\"y\":1,\"x\":[{\"q\":1,\"p\":2}]}]}", json.topLevelSortedForm());
    }

    @Test
    void numberLexemesArePreservedExactly() throws Exception {
        String body = "{\"a\":1e-7,\"b\":0.0000635,\"c\":100,\"d\":1E+21,\"e\":-0.0,\"f\":6.0,"
                + "\"g\":0.09853637216235617,\"h\":123456789012345678901234567890,\"i\":2.5e+3,\"j\":-12}";
        assertEquals(body, parse(body).recursiveForm());
    }

    @Test
    void literalsAndEmptyContainersAreKept() throws Exception {
        String body = "{\"a\":true,\"b\":false,\"c\":null,\"d\":{},\"e\":[],\"f\":\"\"}";
        assertEquals(body, parse(body).recursiveForm());
    }

    @Test
    void stringsAreEscapedTheJavaScriptWay() throws Exception {
        // Wire escapes are decoded, then re-escaped as JSON.stringify would: controls as \b \f \n
        // \r \t or lowercase hex, '/' and non-ASCII left alone, escaped non-ASCII written raw.
        String body = "{\"s\":\"\\u0001\\u001F\\u007f\\n\\t\\b\\f\\r\\/ é \\u00e9 \\\"\\\\ \\u2028\"}";
        String expected = "{\"s\":\"\\u0001\\u001f\u007f\\n\\t\\b\\f\\r/ é é \\\"\\\\ \u2028\"}";
        assertEquals(expected, parse(body).recursiveForm());
    }

    @Test
    void loneSurrogatesAreEscapedAndPairsWrittenRaw() throws Exception {
        String body = "{\"s\":\"\\uD800 \\uDC00x \\ud83d\\ude00\"}";
        String expected = "{\"s\":\"\\ud800 \\udc00x \uD83D\uDE00\"}";
        assertEquals(expected, parse(body).recursiveForm());
    }

    @Test
    void keysSortByUtf16CodeUnitsLikeJavaScript() throws Exception {
        // U+FF5A sorts after the surrogate pair of U+1F600 in UTF-16, before it by code point.
        String body = "{\"\uFF5A\":1,\"\uD83D\uDE00\":2,\"é\":3,\"a\":4,\"B\":5,\"a\\n\":6}";
        String expected = "{\"B\":5,\"a\":4,\"a\\n\":6,\"é\":3,\"\uD83D\uDE00\":2,\"\uFF5A\":1}";
        assertEquals(expected, parse(body).recursiveForm());
    }

    @Test
    void whitespaceAroundTokensIsDropped() throws Exception {
        assertEquals("{\"a\":[1,2],\"b\":{\"c\":\"x y\"}}",
                parse(" \r\n\t{ \"b\" : { \"c\" : \"x y\" } , \"a\" : [ 1 , 2 ] }\n ").recursiveForm());
    }

    @Test
    void depth64IsAccepted() throws Exception {
        assertEquals(nested(64), parse(nested(64)).recursiveForm());
    }

    @Test
    void depth65IsRejected() {
        assertRejected(nested(65));
        assertRejected("{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":1,\"a\":2}",
        "{\"a\":1,\"b\":{\"c\":1,\"c\":1}}",
        "{\"a\":[{\"x\":1,\"x\":1}]}",
        "{\"a\":1} x",
        "{\"a\":1}{}",
        "{\"a\":1},",
        "{\"a\":1}\u0000",
        "[{\"a\":1}]",
        "\"text\"",
        "42",
        "null",
        "",
        "   ",
        "{\"a\":1",
        "{\"a\":1,}",
        "{'a':1}",
        "{a:1}",
        "{\"a\":01}",
        "{\"a\":+1}",
        "{\"a\":.5}",
        "{\"a\":1.}",
        "{\"a\":NaN}",
        "{\"a\":\"\\x\"}",
        "{\"a\":\"tab\there\"}",
        "{\"a\":1 /* c */}",
        "\uFEFF{\"a\":1}",
    })
    void invalidBodiesAreRejected(String body) {
        assertRejected(body);
    }

    @Test
    void invalidUtf8IsRejected() {
        assertRejected(bytesWithin(0xC3, 0x28));           // bad continuation byte
        assertRejected(bytesWithin(0xC0, 0xAF));           // overlong '/'
        assertRejected(bytesWithin(0xED, 0xA0, 0x80));     // UTF-8-encoded surrogate
        assertRejected(bytesWithin(0xF4, 0x90, 0x80, 0x80)); // above U+10FFFF
        assertRejected(bytesWithin(0xE2, 0x82));           // truncated sequence
        assertRejected("{\"a\":1}".getBytes(StandardCharsets.UTF_16));
    }

    private static byte[] bytesWithin(int... inside) {
        byte[] prefix = "{\"a\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + inside.length + 2];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        for (int i = 0; i < inside.length; i++) {
            out[prefix.length + i] = (byte) inside[i];
        }
        out[out.length - 2] = '"';
        out[out.length - 1] = '}';
        return out;
    }

    /** An object nested {@code depth} levels deep, counting the top-level object. */
    private static String nested(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{\"a\":1}" + "}".repeat(depth - 1);
    }

    private static IpnCanonicalJson parse(String body) throws MalformedIpnJsonException {
        return IpnCanonicalJson.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(String body) {
        assertRejected(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(byte[] body) {
        assertThrows(MalformedIpnJsonException.class, () -> IpnCanonicalJson.parse(body));
    }
}
