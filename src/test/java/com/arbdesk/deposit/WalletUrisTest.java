package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WalletUrisTest {
    @Test
    void bitcoinUsesBip21WithTheAmountInBtc() {
        assertEquals(Optional.of("bitcoin:bc1qexample?amount=0.00076923"), WalletUris.of("btc", "bc1qexample", "0.00076923"));
    }

    @Test
    void etherUsesEip681WithTheValueInWei() {
        assertEquals(Optional.of("ethereum:0xabc?value=15625000000000000"), WalletUris.of("eth", "0xabc", "0.015625"));
    }

    @Test
    void erc20TokensNameTheirContractAndChain() {
        assertEquals(Optional.of("ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7/transfer?address=0xabc&uint256=50100000"),
                WalletUris.of("usdterc20", "0xabc", "50.1"));
        assertEquals(Optional.of("ethereum:0x55d398326f99059fF775485246999027B3197955@56/transfer?address=0xabc&uint256=20000000000000000000"),
                WalletUris.of("usdtbsc", "0xabc", "20"));
    }

    @Test
    void splTokensUseSolanaPay() {
        assertEquals(Optional.of("solana:SoLaddr?amount=25.5&spl-token=EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"),
                WalletUris.of("usdcsol", "SoLaddr", "25.50"));
    }

    @Test
    void aFractionOfTheSmallestUnitRoundsUpNeverDown() {
        assertTrue(WalletUris.of("usdterc20", "0xabc", "1.0000001").orElseThrow().endsWith("uint256=1000001"));
    }

    @Test
    void noStandardOrNoKnownContractMeansNoLink() {
        assertEquals(Optional.empty(), WalletUris.of("usdttrc20", "TXYZ", "50"));
        assertEquals(Optional.empty(), WalletUris.of("usdtton", "UQxyz", "50"));
        assertEquals(Optional.empty(), WalletUris.of("usdcmatic", "0xabc", "50"));
        assertEquals(Optional.empty(), WalletUris.of("btc", "", "50"));
        assertEquals(Optional.empty(), WalletUris.of("btc", "bc1q", "1e5"));
    }
}
