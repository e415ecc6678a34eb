package com.arbdesk.arbitrage;

import java.io.IOException;
import org.knowm.xchange.currency.CurrencyPair;

/** Reads one public order book from one exchange through XChange; one instance per exchange, reused across fetches. */
interface BookReader {
    org.knowm.xchange.dto.marketdata.OrderBook read(CurrencyPair pair) throws IOException;
}
