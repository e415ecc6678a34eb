package com.arbdesk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockExplorerTest {
    @Test
    void aHashOnAKnownNetworkBecomesAnExplorerLink() {
        assertEquals(Optional.of("https://tronscan.org/#/transaction/3f9ac21e3f9ac21e3f9ac21e"),
                BlockExplorer.txUrl("usdttrc20", "3f9ac21e3f9ac21e3f9ac21e"));
        assertEquals(Optional.of("https://etherscan.io/tx/0xabcdef0123456789abcdef"), BlockExplorer.txUrl("USDC", "0xabcdef0123456789abcdef"));
        assertEquals("3f9ac2…9ac21e", BlockExplorer.shortHash("3f9ac21e3f9ac21e3f9ac21e"));
    }

    @Test
    void nothingElseDoes() {
        assertTrue(BlockExplorer.txUrl("doge", "3f9ac21e3f9ac21e3f9ac21e").isEmpty(), "unknown network");
        assertTrue(BlockExplorer.txUrl("btc", "short").isEmpty());
        assertTrue(BlockExplorer.txUrl("btc", "abc/../../evil?x=1#abcdefghijkl").isEmpty(), "no other URL can be smuggled in");
        assertTrue(BlockExplorer.txUrl("btc", null).isEmpty());
    }
}
