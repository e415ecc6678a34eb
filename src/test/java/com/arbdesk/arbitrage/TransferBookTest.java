package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Network choice and the not-transferable flags, from a default table and stubbed exchange answers. */
class TransferBookTest {
    static TransferStatus row(String exchange, String asset, String network, boolean deposit, boolean withdrawal, String fee) {
        return new TransferStatus(exchange, asset, network, deposit, withdrawal, fee == null ? null : new BigDecimal(fee),
                BigDecimal.ONE, TransferStatus.Origin.DEFAULT_TABLE);
    }

    /** A stub exchange API: answers per exchange and asset, or fails for the ones in {@code failing}. */
    static final class StubReader implements TransferStatusReader {
        final Map<String, List<TransferStatus>> answers = new HashMap<>();
        final List<String> failing = new java.util.ArrayList<>();

        StubReader answer(String exchange, String asset, TransferStatus... rows) {
            answers.put(exchange + "|" + asset, List.of(rows));
            return this;
        }

        @Override
        public Optional<List<TransferStatus>> read(String exchange, String asset) throws IOException {
            if (failing.contains(exchange)) {
                throw new IOException("connection refused");
            }
            return Optional.ofNullable(answers.get(exchange + "|" + asset));
        }
    }

    static final List<TransferStatus> TABLE = List.of(
            row("binance", "USDT", "TRC20", true, true, "1"),
            row("binance", "USDT", "ERC20", true, true, "3"),
            row("binance", "USDT", "SOL", true, true, "1"),
            row("kraken", "USDT", "TRC20", true, true, "2.5"),
            row("kraken", "USDT", "ERC20", true, true, "5"),
            row("kraken", "USDT", "SOL", true, true, "1"),
            row("bitstamp", "USDT", "ERC20", true, true, "10"),
            row("binance", "XRP", "XRP", true, true, "0.25"),
            row("okx", "XRP", "XRPL-EVM", true, true, "0.1"));

    @Test
    void theCheapestNetworkOpenOnBothSidesIsAssumedTheFasterOnATie() {
        TransferBook book = new TransferBook(TABLE, TransferStatusReader.NONE);
        Transfer t = book.plan("USDT", "binance", "kraken");
        assertEquals(Transfer.Status.TRANSFERABLE, t.status());
        assertEquals("SOL", t.network(), "1 USDT on TRC20 and SOL: Solana's 312.8 s beats Tron's 357 s");
        assertEquals(new BigDecimal("1"), t.withdrawalFee(), "the withdrawing side's fee");
        assertEquals(Duration.ofMillis(312_800), t.time());
        assertNull(t.reason());
        assertEquals("ERC20", book.plan("usdt", "kraken", "bitstamp").network(), "the one network bitstamp takes");
    }

    @Test
    void aStubbedAnswerWithWithdrawalsClosedMovesToTheNextNetworkThenMarksTheRouteNotTransferable() {
        StubReader api = new StubReader().answer("kraken", "USDT",
                row("kraken", "USDT", "TRC20", true, false, "2.5"), row("kraken", "USDT", "ERC20", true, true, "5"),
                row("kraken", "USDT", "SOL", true, false, "1"));
        TransferBook book = new TransferBook(TABLE, api);
        assertEquals(1, book.refresh(List.of("binance", "kraken"), List.of("USDT")));
        assertEquals("ERC20", book.plan("USDT", "kraken", "binance").network(), "the only network kraken still pays out on");
        assertEquals(Transfer.Status.TRANSFERABLE, book.plan("USDT", "binance", "kraken").status(), "deposits are open");

        api.answer("kraken", "USDT", row("kraken", "USDT", "TRC20", true, false, "2.5"),
                row("kraken", "USDT", "ERC20", true, false, "5"));
        book.refresh(List.of("kraken"), List.of("USDT"));
        Transfer t = book.plan("USDT", "kraken", "binance");
        assertEquals(Transfer.Status.NOT_TRANSFERABLE, t.status());
        assertEquals("withdrawals of USDT closed on kraken", t.reason());
        assertEquals("TRC20", t.network(), "still names the network it would have taken");
    }

    @Test
    void depositsClosedOnTheSellSideMarkTheRouteNotTransferable() {
        StubReader api = new StubReader().answer("binance", "USDT",
                row("binance", "USDT", "TRC20", false, true, "1"), row("binance", "USDT", "ERC20", false, true, "3"),
                row("binance", "USDT", "SOL", false, true, "1"));
        TransferBook book = new TransferBook(TABLE, api);
        book.refresh(List.of("binance"), List.of("USDT"));
        Transfer t = book.plan("USDT", "kraken", "binance");
        assertEquals(Transfer.Status.NOT_TRANSFERABLE, t.status());
        assertEquals("deposits of USDT closed on binance", t.reason());
    }

    @Test
    void openOnDifferentNetworksOnlyIsNotTransferableEither() {
        TransferBook book = new TransferBook(List.of(row("a", "USDT", "TRC20", true, true, "1"), row("a", "USDT", "ERC20", true, false, "3"),
                row("b", "USDT", "TRC20", false, true, "1"), row("b", "USDT", "ERC20", true, true, "3")), TransferStatusReader.NONE);
        Transfer t = book.plan("USDT", "a", "b");
        assertEquals(Transfer.Status.NOT_TRANSFERABLE, t.status());
        assertEquals("no common network with withdrawals open on a and deposits open on b", t.reason());
    }

    @Test
    void noCommonNetworkAndNoDataAreToldApart() {
        TransferBook book = new TransferBook(TABLE, TransferStatusReader.NONE);
        Transfer none = book.plan("XRP", "okx", "binance");
        assertEquals(Transfer.Status.NOT_TRANSFERABLE, none.status());
        assertEquals("no common network for XRP between okx and binance", none.reason());
        assertNull(none.network());
        assertNull(none.time());
        Transfer unknown = book.plan("XRP", "binance", "kucoin");
        assertEquals(Transfer.Status.UNKNOWN, unknown.status());
        assertEquals("no transfer data for XRP on kucoin", unknown.reason());
    }

    @Test
    void anExchangeThatFailsOrPublishesNothingKeepsTheDefaultTable() {
        StubReader api = new StubReader();
        api.failing.add("kraken");
        TransferBook book = new TransferBook(TABLE, api);
        assertEquals(0, book.refresh(List.of("binance", "kraken"), List.of("USDT")));
        assertEquals(3, book.rows("kraken", "USDT").size());
        assertTrue(book.rows("kraken", "USDT").stream().allMatch(s -> s.origin() == TransferStatus.Origin.DEFAULT_TABLE));
        assertFalse(book.rows("binance", "usdt").isEmpty(), "case-blind asset");
    }

    @Test
    void theBundledTableCoversEveryDefaultExchangeAndTradedCoin() {
        TransferBook book = TransferBook.defaults();
        for (String exchange : List.of("binance", "kraken", "kucoin", "okx", "bitstamp")) {
            for (String asset : List.of("BTC", "ETH", "SOL", "XRP", "USDC", "USDT")) {
                assertFalse(book.rows(exchange, asset).isEmpty(), exchange + " " + asset);
            }
        }
        assertEquals("BTC", book.plan("BTC", "binance", "kraken").network());
    }
}
