package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every case of the shared NOWPayments IPN test vectors through {@link IpnVerifier}. */
class IpnVectorsTest {

    private static final String RESOURCE = "/nowpayments/ipn-vectors.json";

    record Vector(String name, String secret, String body, String signature, String expect, String why) {
    }

    @TestFactory
    Stream<DynamicTest> everyVector() throws IOException {
        List<Vector> vectors = load();
        assertTrue(vectors.size() > 0, "no vectors loaded from " + RESOURCE);
        assertTrue(vectors.stream().anyMatch(v -> v.expect().equals("accept")), "no accept case");
        assertTrue(vectors.stream().anyMatch(v -> v.expect().equals("reject")), "no reject case");
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> run(v)));
    }

    private static void run(Vector v) {
        IpnVerifier verifier = new IpnVerifier(v.secret());
        byte[] body = v.body().getBytes(StandardCharsets.UTF_8);
        switch (v.expect()) {
            case "accept" -> assertDoesNotThrow(() -> verifier.verify(body, v.signature()), v.why());
            case "reject" -> {
                IpnVerificationException e = assertThrows(IpnVerificationException.class,
                        () -> verifier.verify(body, v.signature()), v.why());
                // Every vector carries a secret, so a refusal for lack of one would be vacuous.
                assertNotEquals(IpnVerificationException.Reason.NO_SECRET, e.reason());
            }
            default -> throw new IllegalArgumentException("unknown expect value in " + v.name());
        }
    }

    private static List<Vector> load() throws IOException {
        try (InputStream in = IpnVectorsTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " missing from the test classpath");
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode c : new ObjectMapper().readTree(in).required("cases")) {
                JsonNode signature = c.path("signature");
                vectors.add(new Vector(c.required("name").asText(), c.required("secret").asText(),
                        c.required("body").asText(), signature.isTextual() ? signature.asText() : null,
                        c.required("expect").asText(), c.path("why").asText()));
            }
            return vectors;
        }
    }
}
