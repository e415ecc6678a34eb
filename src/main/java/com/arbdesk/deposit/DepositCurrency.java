package com.arbdesk.deposit;

import com.arbdesk.web.AppException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The coins and networks a user can deposit, each mapped to the provider's explicit ticker (never
 * left to a provider default: an address on the wrong network loses the funds).
 */
public record DepositCurrency(String currency, String network, String ticker, String networkName, boolean isDefault) {

    public static final List<DepositCurrency> ALL = List.of(
            new DepositCurrency("USDT", "TRC20", "usdttrc20", "Tron (TRC20)", true),
            new DepositCurrency("USDT", "ERC20", "usdterc20", "Ethereum (ERC20)", false),
            new DepositCurrency("USDT", "BSC", "usdtbsc", "BNB Smart Chain (BEP20)", false),
            new DepositCurrency("USDT", "POLYGON", "usdtmatic", "Polygon", false),
            new DepositCurrency("USDT", "SOL", "usdtsol", "Solana", false),
            new DepositCurrency("USDT", "TON", "usdtton", "TON", false),
            new DepositCurrency("BTC", "BTC", "btc", "Bitcoin", true),
            new DepositCurrency("ETH", "ERC20", "eth", "Ethereum", true),
            new DepositCurrency("USDC", "ERC20", "usdc", "Ethereum (ERC20)", true),
            new DepositCurrency("USDC", "POLYGON", "usdcmatic", "Polygon", false),
            new DepositCurrency("USDC", "SOL", "usdcsol", "Solana", false),
            new DepositCurrency("USDC", "BSC", "usdcbsc", "BNB Smart Chain (BEP20)", false),
            new DepositCurrency("XRP", "XRP", "xrp", "XRP Ledger", true));

    /** The option for a currency and network; the currency's default network when none is given. */
    public static DepositCurrency resolve(String currency, String network) {
        String c = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        if (ALL.stream().noneMatch(o -> o.currency.equals(c))) {
            throw AppException.invalid("currency", "Choose USDT, BTC, ETH, USDC or XRP");
        }
        if (network == null || network.isBlank()) {
            return ALL.stream().filter(o -> o.currency.equals(c) && o.isDefault).findFirst().orElseThrow();
        }
        String n = network.trim().toUpperCase(Locale.ROOT);
        return ALL.stream().filter(o -> o.currency.equals(c) && o.network.equals(n)).findFirst()
                .orElseThrow(() -> AppException.invalid("network", c + " is not offered on " + n + "; choose one of "
                        + String.join(", ", ALL.stream().filter(o -> o.currency.equals(c)).map(DepositCurrency::network).toList())));
    }

    public static Optional<DepositCurrency> byTicker(String ticker) {
        return ALL.stream().filter(o -> o.ticker.equalsIgnoreCase(ticker == null ? "" : ticker)).findFirst();
    }

    /** What the QR code should carry: a wallet URI where the network has a common one, else the bare address. */
    public String walletUri(String address, String amount) {
        return ticker.equals("btc") ? "bitcoin:" + address + "?amount=" + amount : address;
    }
}
