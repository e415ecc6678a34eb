package com.arbdesk.arbitrage;

import static com.arbdesk.arbitrage.SpreadHistoryTest.nets;
import static com.arbdesk.arbitrage.SpreadHistoryTest.opp;
import static com.arbdesk.arbitrage.TransferBookTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.arbdesk.arbitrage.HoldingsRanking.Holding;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deposit-aware ranking: routes the user's coins can be deposited into come first, with their deposit leg. */
class HoldingsRankingTest {
    final TransferBook book = new TransferBook(List.of(
            row("binance", "USDT", "TRC20", true, true, "1"), row("kraken", "USDT", "ERC20", true, true, "5"),
            row("binance", "BTC", "BTC", true, true, "0.0002"), row("kraken", "BTC", "BTC", true, true, "0.0001"),
            row("binance", "ETH", "ERC20", true, true, "0.001"), row("kraken", "ETH", "ERC20", true, false, "0.002")),
            TransferStatusReader.NONE);
    final List<Opportunity> scanned = new Transfers(book, new CaptureOdds(from -> List.of(), java.time.Clock.systemUTC()))
            .annotate(List.of(
                    opp("ETH/USDT", "kraken", "binance", "0.9000", nets("100", "0.8000")),
                    opp("BTC/USDT", "kraken", "binance", "0.5000", nets("100", "0.3000")),
                    opp("BTC/USDT", "binance", "kraken", "0.4000", nets("100", "0.2000")),
                    opp("ETH/USDT", "binance", "kraken", "0.3000", nets("100", "0.1000"))));

    @Test
    void usdtOnTronRanksTheRoutesBuyingOnAnExchangeThatTakesTronFirst() {
        List<HoldingsRanking.Ranked> r = HoldingsRanking.rank(scanned, List.of(new Holding("usdt", "trc20", false)), book);
        assertEquals(List.of("BTC/USDT|binance|kraken", "ETH/USDT|binance|kraken", "BTC/USDT|kraken|binance",
                "ETH/USDT|kraken|binance"), r.stream().map(x -> x.opportunity().key()).toList(),
                "binance takes USDT on TRC20 (kraken only on ERC20); the ETH route out of kraken cannot move, so it is last");
        HoldingsRanking.DepositLeg leg = r.get(0).leg();
        assertEquals("USDT", leg.coin());
        assertEquals("TRC20", leg.network());
        assertEquals("binance", leg.exchange());
        assertNull(leg.fee(), "not known");
        assertEquals(HoldingsRanking.FEE_NOTE, leg.note());
        assertEquals(new BigDecimal("0.2000"), leg.netAfterDepositPct(), "counted as zero");
        assertNull(r.get(2).leg());
    }

    @Test
    void aHeldBaseCoinGoesToTheSellExchangeAndNoHoldingsKeepsTheScannersOrder() {
        List<HoldingsRanking.Ranked> r = HoldingsRanking.rank(scanned, List.of(new Holding("BTC", "BTC", true)), book);
        assertEquals("BTC/USDT|kraken|binance", r.get(0).opportunity().key(), "the better BTC route first");
        assertEquals("binance", r.get(0).leg().exchange(), "deposited where it is sold");
        assertEquals(true, r.get(0).leg().pending());
        assertEquals("BTC/USDT|binance|kraken", r.get(1).opportunity().key());
        assertEquals(scanned, HoldingsRanking.rank(scanned, List.of(), book).stream().map(HoldingsRanking.Ranked::opportunity).toList());
    }
}
