package com.arbdesk.arbitrage;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Asks an exchange for its deposit and withdrawal status of one asset through a public (keyless) endpoint.
 * Empty when the exchange publishes none without keys: the default table then stands.
 */
@FunctionalInterface
public interface TransferStatusReader {
    Optional<List<TransferStatus>> read(String exchange, String asset) throws IOException;

    /** Publishes nothing: the offline mode, where the default table is all there is. */
    TransferStatusReader NONE = (exchange, asset) -> Optional.empty();
}
