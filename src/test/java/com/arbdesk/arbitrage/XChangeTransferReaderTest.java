package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** KuCoin's public per-chain currency answer read through XChange from a loopback stub; the others publish nothing keyless. */
class XChangeTransferReaderTest {
    static final String KUCOIN_USDT = """
            {"code":"200000","data":{"currency":"USDT","name":"USDT","fullName":"Tether","precision":8,"confirms":null,
             "contractAddress":null,"isMarginEnabled":true,"isDebitEnabled":true,"chains":[
              {"chainName":"TRC20","chain":"trx","withdrawalMinSize":"10","withdrawalMinFee":"1.5","isWithdrawEnabled":false,
               "isDepositEnabled":true,"confirms":19,"contractAddress":"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"},
              {"chainName":"ERC20","chain":"eth","withdrawalMinSize":"20","withdrawalMinFee":"10","isWithdrawEnabled":true,
               "isDepositEnabled":true,"confirms":64,"contractAddress":"0xdac17f958d2ee523a2206206994597c13d831ec7"},
              {"chainName":"BEP20","chain":"bsc","withdrawalMinSize":"10","withdrawalMinFee":"0.8","isWithdrawEnabled":true,
               "isDepositEnabled":false,"confirms":15,"contractAddress":"0x55d398326f99059ff775485246999027b3197955"},
              {"chainName":"KCC","chain":"kcc","withdrawalMinSize":"10","withdrawalMinFee":"0.1","isWithdrawEnabled":true,
               "isDepositEnabled":true,"confirms":20,"contractAddress":""}]}}
            """;

    @Test
    void kucoinsChainsBecomeRowsOnTheCataloguesNetworksAndUnknownChainsAreDropped() throws Exception {
        try (StubExchangeServer kucoin = new StubExchangeServer()) {
            kucoin.answer(200, KUCOIN_USDT);
            XChangeTransferReader reader = new XChangeTransferReader(
                    new XChangeExchanges(Map.of("kucoin", kucoin.baseUri()), Duration.ofSeconds(2), 20));
            List<TransferStatus> rows = reader.read("kucoin", "USDT").orElseThrow();
            assertTrue(kucoin.requests().get(0).startsWith("GET /api/v2/currencies/USDT"), kucoin.requests().toString());
            assertEquals(List.of("TRC20", "ERC20", "BSC"), rows.stream().map(TransferStatus::network).toList());
            TransferStatus trc = rows.get(0);
            assertEquals(new TransferStatus("kucoin", "USDT", "TRC20", true, false, new BigDecimal("1.5"), new BigDecimal("10"),
                    TransferStatus.Origin.EXCHANGE), trc);
            assertEquals(false, rows.get(2).depositOpen());

            TransferBook book = new TransferBook(TransferDefaults.load(), reader);
            assertEquals(1, book.refresh(List.of("kucoin"), List.of("USDT")));
            assertEquals("BSC", book.plan("USDT", "kucoin", "binance").network(),
                    "TRC20 withdrawals are closed on kucoin: BSC (0.8) is the cheapest still paying out");
            assertEquals("TRC20", book.plan("USDT", "binance", "kucoin").network(),
                    "kucoin takes no BSC deposits; TRC20 (1 on binance) is the cheapest it takes");
        }
    }

    @Test
    void exchangesWithoutAKeylessEndpointPublishNothing() throws Exception {
        XChangeTransferReader reader = new XChangeTransferReader(new XChangeExchanges(Map.of(), Duration.ofSeconds(1), 20));
        for (String exchange : List.of("binance", "kraken", "okx", "bitstamp")) {
            assertEquals(Optional.empty(), reader.read(exchange, "USDT"), exchange);
        }
    }
}
