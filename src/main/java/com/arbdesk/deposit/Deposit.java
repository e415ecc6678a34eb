package com.arbdesk.deposit;

import com.arbdesk.ledger.Money;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** A deposit: a transactions row of type deposit with its provider fields. */
public record Deposit(long id, long userId, String userEmail, String mode, Money amountUsd, DepositStatus status,
                      String currency, String network, String payCurrency, String payAmount, String actuallyPaid,
                      Money credited, String paymentId, String orderId, String invoiceId, String invoiceUrl,
                      String payAddress, Instant expiresAt, String providerStatus, Set<String> flags,
                      String failureReason, Long parentId, Instant createdAt, Instant updatedAt) {

    public static Set<String> parseFlags(String csv) {
        Set<String> out = new LinkedHashSet<>();
        if (csv != null && !csv.isBlank()) {
            out.addAll(Arrays.asList(csv.split(",")));
        }
        return Set.copyOf(out);
    }
}
