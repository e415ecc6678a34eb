package com.arbdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the reference's verifier over the project's IPN test vectors before anything is measured. */
public final class VectorCheck {
    private VectorCheck() {
    }

    /** The names of the vectors the reference decides differently from their {@code expect}; empty when it agrees with all. */
    public static List<String> disagreements() throws IOException {
        JsonNode cases;
        try (InputStream in = VectorCheck.class.getResourceAsStream("/nowpayments/ipn-vectors.json")) {
            if (in == null) {
                throw new IOException("nowpayments/ipn-vectors.json is not on the class path");
            }
            cases = new ObjectMapper().readTree(in).path("cases");
        }
        List<String> wrong = new ArrayList<>();
        for (JsonNode c : cases) {
            String signature = c.path("signature").isNull() ? null : c.path("signature").asText();
            boolean accepted = new ReferenceVerifier(c.path("secret").asText())
                    .verified(c.path("body").asText().getBytes(StandardCharsets.UTF_8), signature) != null;
            if (accepted != c.path("expect").asText().equals("accept")) {
                wrong.add(c.path("name").asText());
            }
        }
        return wrong;
    }
}
