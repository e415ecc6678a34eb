package com.arbdesk.ledger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one definition of the coins and networks ArbDesk accepts: the provider's explicit ticker for each
 * (never left to a provider default: an address on the wrong network loses the funds), the network's
 * name, the chain's decimals, the wallet-link standard, the block explorer and whether a memo is needed.
 * Deposits, the provider check, wallet links, explorer links and the dashboard's coin tabs derive from it;
 * what cannot (the sandbox's own list, the CSS badge colours) is checked against it by CoinCatalogueTest.
 */
public final class CoinCatalogue {

    /**
     * One coin on one network.
     *
     * @param currency   the coin as the user picks it (USDT)
     * @param network    the network code the dialog and the badge colours use (TRC20)
     * @param ticker     the provider's ticker for exactly this coin on this network (usdttrc20)
     * @param networkName the network as shown to people
     * @param isDefault  the network chosen when a request names only the coin; one per coin
     * @param decimals   the coin's decimals on this chain (its smallest unit), as a wallet link counts them
     * @param wallet     the "Open in wallet" standard of this chain, with the token contract where one is needed
     * @param explorerTx the explorer page a transaction hash is appended to
     * @param memo       the payer must send a memo (destination tag) along with the address
     */
    public record Coin(String currency, String network, String ticker, String networkName, boolean isDefault,
                       int decimals, WalletLink wallet, String explorerTx, boolean memo) {
    }

    private static final String ETHERSCAN = "https://etherscan.io/tx/";
    private static final String BSCSCAN = "https://bscscan.com/tx/";
    private static final String POLYGONSCAN = "https://polygonscan.com/tx/";
    private static final String SOLSCAN = "https://solscan.io/tx/";

    // Token contracts are listed only where known for certain: a wrong contract loses money. Polygon USDC
    // exists both bridged and native, so it gets no wallet link rather than a guess.
    public static final List<Coin> ALL = List.of(
            new Coin("USDT", "TRC20", "usdttrc20", "Tron (TRC20)", true, 6, WalletLink.NONE,
                    "https://tronscan.org/#/transaction/", false),
            new Coin("USDT", "ERC20", "usdterc20", "Ethereum (ERC20)", false, 6,
                    WalletLink.evmToken(1, "0xdAC17F958D2ee523a2206206994597C13D831ec7"), ETHERSCAN, false),
            new Coin("USDT", "BSC", "usdtbsc", "BNB Smart Chain (BEP20)", false, 18,
                    WalletLink.evmToken(56, "0x55d398326f99059fF775485246999027B3197955"), BSCSCAN, false),
            new Coin("USDT", "POLYGON", "usdtmatic", "Polygon", false, 6,
                    WalletLink.evmToken(137, "0xc2132D05D31c914a87C6611C10748AEb04B58e8F"), POLYGONSCAN, false),
            new Coin("USDT", "SOL", "usdtsol", "Solana", false, 6,
                    WalletLink.solanaPay("Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB"), SOLSCAN, false),
            new Coin("USDT", "TON", "usdtton", "TON", false, 6, WalletLink.NONE,
                    "https://tonviewer.com/transaction/", false),
            new Coin("BTC", "BTC", "btc", "Bitcoin", true, 8, WalletLink.BITCOIN, "https://mempool.space/tx/", false),
            new Coin("ETH", "ERC20", "eth", "Ethereum", true, 18, WalletLink.ETHER, ETHERSCAN, false),
            new Coin("USDC", "ERC20", "usdc", "Ethereum (ERC20)", true, 6,
                    WalletLink.evmToken(1, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"), ETHERSCAN, false),
            new Coin("USDC", "POLYGON", "usdcmatic", "Polygon", false, 6, WalletLink.NONE, POLYGONSCAN, false),
            new Coin("USDC", "SOL", "usdcsol", "Solana", false, 6,
                    WalletLink.solanaPay("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"), SOLSCAN, false),
            new Coin("USDC", "BSC", "usdcbsc", "BNB Smart Chain (BEP20)", false, 18,
                    WalletLink.evmToken(56, "0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d"), BSCSCAN, false),
            new Coin("XRP", "XRP", "xrp", "XRP Ledger", true, 6, WalletLink.NONE, "https://xrpscan.com/tx/", true));

    private CoinCatalogue() {
    }

    /** Every provider ticker, in catalogue order. */
    public static List<String> tickers() {
        return ALL.stream().map(Coin::ticker).toList();
    }

    /** The coins a user can pick (USDT, BTC, ...), each once, in catalogue order. */
    public static List<String> currencies() {
        return ALL.stream().map(Coin::currency).distinct().toList();
    }

    /** The network codes (TRC20, ERC20, ...), each once, in catalogue order. */
    public static List<String> networks() {
        return ALL.stream().map(Coin::network).distinct().toList();
    }

    /** The entry of a provider ticker, whatever its case. */
    public static Optional<Coin> byTicker(String ticker) {
        if (ticker == null) {
            return Optional.empty();
        }
        String t = ticker.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(c -> c.ticker.equals(t)).findFirst();
    }
}
