package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every supported exchange is built without a network call and then sends its order-book call to the overridden base URI. */
class XChangeExchangesTest {

    @Test
    void everySupportedExchangeIsBuiltOfflineAndCallsOnlyItsOverride() throws IOException {
        for (String name : XChangeExchanges.supported()) {
            try (StubExchangeServer stub = new StubExchangeServer()) {
                stub.answer(500, "{}");
                Map<String, String> overrides = Map.of(name, stub.baseUri());

                assertNotNull(new XChangeExchanges(overrides, Duration.ofSeconds(10), 50).create(name));
                assertEquals(List.of(), stub.requests(), name);

                try (XChangeMarketDataSource source = new XChangeMarketDataSource(overrides, Duration.ofSeconds(10),
                        Clock.systemUTC())) {
                    source.fetch(List.of(name), List.of("BTC/USDT"));
                    assertNotNull(source.health().get(name).lastError(), name);
                }
                assertEquals(1, stub.requests().size(), name + " " + stub.requests());
            }
        }
    }
}
