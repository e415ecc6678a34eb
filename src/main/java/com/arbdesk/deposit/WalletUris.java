package com.arbdesk.deposit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * "Open in wallet" links in each chain's own payment-request standard: BIP-21 for bitcoin, EIP-681 for
 * ether and ERC-20 tokens (with the chain id off Ethereum), Solana Pay for SPL tokens. A token is named by
 * its contract, so only contracts known for certain are listed; a coin without a standard (TRC20, TON
 * jettons) or without a listed contract gets no link rather than a guess: a wrong contract loses money.
 */
public final class WalletUris {
    /** A token contract: its chain (EIP-155 id, or 0 off EVM), address or mint, and decimals. */
    record Token(long chainId, String contract, int decimals) {
    }

    private static final Map<String, Token> TOKENS = Map.of(
            "usdterc20", new Token(1, "0xdAC17F958D2ee523a2206206994597C13D831ec7", 6),
            "usdc", new Token(1, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", 6),
            "usdtmatic", new Token(137, "0xc2132D05D31c914a87C6611C10748AEb04B58e8F", 6),
            "usdtbsc", new Token(56, "0x55d398326f99059fF775485246999027B3197955", 18),
            "usdcbsc", new Token(56, "0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d", 18),
            "usdtsol", new Token(0, "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB", 6),
            "usdcsol", new Token(0, "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", 6));

    private WalletUris() {
    }

    /** The payment URI for sending exactly {@code amount} of the ticker's coin to {@code address}, where one exists. */
    public static Optional<String> of(String ticker, String address, String amount) {
        if (address == null || address.isBlank() || amount == null || !amount.matches("\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(amount);
        if (ticker.equals("btc")) {
            return Optional.of("bitcoin:" + address + "?amount=" + value.stripTrailingZeros().toPlainString());
        }
        if (ticker.equals("eth")) {
            return Optional.of("ethereum:" + address + "?value=" + smallest(value, 18));
        }
        Token t = TOKENS.get(ticker);
        if (t == null) {
            return Optional.empty();
        }
        if (t.chainId() == 0) { // Solana Pay: the amount in the token's own units, the mint names the token
            return Optional.of("solana:" + address + "?amount=" + value.stripTrailingZeros().toPlainString() + "&spl-token=" + t.contract());
        }
        String chain = t.chainId() == 1 ? "" : "@" + t.chainId();
        return Optional.of("ethereum:" + t.contract() + chain + "/transfer?address=" + address + "&uint256=" + smallest(value, t.decimals()));
    }

    /** The amount in the coin's smallest unit, rounded up so a wallet never sends less than asked. */
    private static String smallest(BigDecimal value, int decimals) {
        return value.movePointRight(decimals).setScale(0, RoundingMode.UP).toPlainString();
    }
}
