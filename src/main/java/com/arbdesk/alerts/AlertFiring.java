package com.arbdesk.alerts;

import java.math.BigDecimal;
import java.time.Instant;

/** A recorded firing: the rule (null once deleted), the route and size, the net spread seen and how long it held. */
public record AlertFiring(long id, long userId, Long ruleId, String pair, String buyExchange, String sellExchange,
                          BigDecimal sizeUsd, BigDecimal netPct, BigDecimal minNetPct, long heldSeconds, Instant firedAt,
                          Instant seenAt) {
}
