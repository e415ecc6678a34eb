package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.ledger.CoinCatalogue;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Transfer time = confirmations × block time + the exchanges' processing allowance (5 min), by hand. */
class NetworkTimesTest {
    @Test
    void transferTimesAreConfirmationsTimesBlockTimePlusProcessing() {
        assertEquals(Duration.ofMinutes(5), NetworkTimes.PROCESSING);
        assertEquals(Optional.of(Duration.ofSeconds(19 * 3 + 300)), NetworkTimes.transferTime("TRC20"), "357 s");
        assertEquals(Optional.of(Duration.ofSeconds(64 * 12 + 300)), NetworkTimes.transferTime("ERC20"), "1,068 s");
        assertEquals(Optional.of(Duration.ofSeconds(3 * 600 + 300)), NetworkTimes.transferTime("BTC"), "35 min");
        assertEquals(Optional.of(Duration.ofMillis(32 * 400 + 300_000)), NetworkTimes.transferTime("SOL"), "312.8 s");
        assertEquals(Optional.of(Duration.ofSeconds(304)), NetworkTimes.transferTime("xrp"), "case-blind");
        assertEquals(Optional.empty(), NetworkTimes.transferTime("DOGE"));
        assertEquals(Optional.empty(), NetworkTimes.transferTime(null));
    }

    @Test
    void everyNetworkOfTheCoinCatalogueAndTheDefaultTableHasFigures() {
        for (String network : CoinCatalogue.networks()) {
            assertTrue(NetworkTimes.of(network).isPresent(), "no confirmation figures for catalogue network " + network);
        }
        for (TransferStatus s : TransferDefaults.load()) {
            assertTrue(NetworkTimes.of(s.network()).isPresent(), "no confirmation figures for " + s);
        }
        assertEquals(java.util.Set.copyOf(CoinCatalogue.networks()), NetworkTimes.networks(), "one list of network codes");
    }
}
