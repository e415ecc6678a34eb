package com.arbdesk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.ledger.CoinCatalogue.Coin;
import com.arbdesk.ledger.CoinCatalogue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sandbox keeps its own coin list (it is an island and must not read the catalogue), so this test
 * is what keeps the two in step: a coin added to the catalogue fails here until the sandbox offers it.
 */
class SandboxCoinTest {

    @Test
    void theSandboxOffersEveryCatalogueTicker() {
        List<String> missing = CoinCatalogue.tickers().stream().filter(t -> SandboxCoin.find(t).isEmpty()).toList();
        assertEquals(List.of(), missing, "add these tickers to SandboxCoin.ALL");
    }

    @Test
    void theSandboxAgreesWithTheCatalogueOnMemosAndNeverQuotesMoreDecimalsThanTheChainHas() {
        for (Coin c : CoinCatalogue.ALL) {
            SandboxCoin s = SandboxCoin.find(c.ticker()).orElseThrow();
            assertEquals(c.memo(), s.memo(), c.ticker() + ": memo requirement");
            assertTrue(s.precision() <= c.decimals(), c.ticker() + ": sandbox precision " + s.precision());
        }
    }
}
