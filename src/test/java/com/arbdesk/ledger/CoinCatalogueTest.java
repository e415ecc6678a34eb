package com.arbdesk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.deposit.DepositCurrency;
import com.arbdesk.ledger.CoinCatalogue.Coin;
import com.arbdesk.nowpayments.ProviderCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue is consistent, and what cannot derive from it (the CSS badge colours) covers it. */
class CoinCatalogueTest {
    private static final Path DEPOSIT_CSS = Path.of("webapp/assets/css/deposit.css");
    private static final Pattern BADGE = Pattern.compile("\\.net-badge\\[data-network=\"([^\"]+)\"]\\s*\\{[^}]*--net:");

    @Test
    void tickersAreUniqueLowerCaseAndEachCoinHasOneDefaultNetwork() {
        assertEquals(CoinCatalogue.ALL.size(), Set.copyOf(CoinCatalogue.tickers()).size(), "a ticker is listed twice");
        Set<String> pairs = new HashSet<>();
        for (Coin c : CoinCatalogue.ALL) {
            assertEquals(c.ticker().toLowerCase(Locale.ROOT), c.ticker());
            assertEquals(c.currency().toUpperCase(Locale.ROOT), c.currency());
            assertEquals(c.network().toUpperCase(Locale.ROOT), c.network());
            assertTrue(pairs.add(c.currency() + "/" + c.network()), c.currency() + " on " + c.network() + " is listed twice");
        }
        for (String currency : CoinCatalogue.currencies()) {
            assertEquals(1, CoinCatalogue.ALL.stream().filter(c -> c.currency().equals(currency) && c.isDefault()).count(),
                    currency + " needs exactly one default network");
        }
    }

    @Test
    void everyEntryHasItsNetworkNameExplorerDecimalsAndWalletData() {
        for (Coin c : CoinCatalogue.ALL) {
            assertFalse(c.networkName().isBlank(), c.ticker());
            assertTrue(c.explorerTx().startsWith("https://"), c.ticker() + " needs a block explorer");
            assertTrue(c.decimals() > 0 && c.decimals() <= 18, c.ticker() + " decimals");
            assertNotNull(c.wallet(), c.ticker());
            switch (c.wallet().standard()) {
                case EIP681_TOKEN -> assertTrue(c.wallet().chainId() > 0 && c.wallet().contract().startsWith("0x"), c.ticker());
                case SOLANA_PAY -> assertFalse(c.wallet().contract().isBlank(), c.ticker());
                default -> assertEquals(null, c.wallet().contract(), c.ticker() + ": only tokens name a contract");
            }
        }
    }

    @Test
    void depositsAndTheProviderCheckUseTheCatalogue() {
        assertEquals(CoinCatalogue.tickers(), ProviderCheck.DEPOSIT_TICKERS);
        assertEquals(CoinCatalogue.tickers(), DepositCurrency.ALL.stream().map(DepositCurrency::ticker).toList());
        for (Coin c : CoinCatalogue.ALL) {
            assertEquals(c.ticker(), DepositCurrency.resolve(c.currency(), c.network()).ticker());
            assertTrue(BlockExplorer.txUrl(c.ticker(), "3f9ac21e3f9ac21e3f9ac21e").isPresent(), c.ticker());
        }
    }

    /** The badge colours live in CSS, so a new network needs its rule there: this fails until it has one. */
    @Test
    void everyNetworkHasABadgeColourInDepositCss() throws IOException {
        Matcher m = BADGE.matcher(Files.readString(DEPOSIT_CSS));
        Set<String> coloured = new HashSet<>();
        while (m.find()) {
            coloured.add(m.group(1));
        }
        List<String> missing = CoinCatalogue.networks().stream().filter(n -> !coloured.contains(n)).toList();
        assertEquals(List.of(), missing, "add .net-badge[data-network=\"...\"] { --net: ... } to " + DEPOSIT_CSS);
    }
}
