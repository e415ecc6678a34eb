package com.arbdesk.deposit;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The anomalies a deposit can carry beside its status (a second field, not more statuses). Stored
 * comma-separated in {@code transactions.flags} in their {@link #wire()} form, read and written only
 * through {@link #parseCsv} and {@link #toCsv}. A deposit carries its flags as a set of these. The
 * database refuses any other word (triggers from V008); a new flag takes a migration that recreates
 * them with it, which DepositFlagColumnTest asks for.
 */
public enum DepositFlag {
    /** More arrived than quoted; what arrived is credited. */
    OVERPAID,
    /** Paid after the quote or the payment expired; valued at the provider's fiat figure. */
    LATE_PAYMENT,
    /** The provider finished a payment it had reported failed: the money arrived after all. */
    PAID_AFTER_FAILURE,
    /** Refunded after something was credited; the admin decides, nothing is taken back automatically. */
    REFUND_AFTER_CREDIT,
    /** The merchant cancelled a partial payment that was credited: the payer may be owed a refund. */
    REFUND_DUE,
    /** A further payment to a used address (a child with parent_payment_id). */
    REDEPOSIT,
    /** Held for an admin: nothing (more) is credited until approved. */
    NEEDS_REVIEW,
    /** "finished" without any amount received reported: not credited blindly. */
    NOTHING_REPORTED,
    /** To be valued at the provider's fiat figure, which is not known yet: a later check credits it. */
    VALUATION_PENDING,
    /** An admin approved it. */
    APPROVED,
    /** The provider's answer names another payment, coin, order or price than the deposit's. */
    EXTRA_PAYMENT,
    CURRENCY_MISMATCH,
    ORDER_MISMATCH,
    AMOUNT_MISMATCH;

    private static final Logger LOG = Logger.getLogger(DepositFlag.class.getName());

    /** The stored and JSON form: "late_payment". */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The flag of a wire form; empty for a word that is no flag. */
    public static Optional<DepositFlag> parse(String word) {
        return word == null ? Optional.empty() : Arrays.stream(values()).filter(f -> f.wire().equals(word.trim())).findFirst();
    }

    /**
     * The flags stored in a {@code transactions.flags} column. A word that is no flag is ignored and
     * logged, not refused: refusing would make the deposit unreadable for its owner, the admin and the
     * reconciler, while an unknown word has no meaning to any of them (nothing checks for it). Only our
     * code writes the column, through {@link #toCsv}, so such a word means a hand edit or a newer release.
     */
    public static Set<DepositFlag> parseCsv(String csv) {
        EnumSet<DepositFlag> out = EnumSet.noneOf(DepositFlag.class);
        if (csv != null && !csv.isBlank()) {
            for (String word : csv.split(",")) {
                Optional<DepositFlag> flag = parse(word);
                if (flag.isPresent()) {
                    out.add(flag.get());
                } else {
                    LOG.log(Level.WARNING, "ignoring unknown deposit flag \"" + word + "\" in \"" + csv + "\"");
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The column for a set of flags: their wire forms, comma-separated, in the collection's order. */
    public static String toCsv(Collection<DepositFlag> flags) {
        return flags.stream().map(DepositFlag::wire).collect(Collectors.joining(","));
    }

    /** An unmodifiable copy in declaration order (an EnumSet inside), as a deposit and a decision carry their flags. */
    public static Set<DepositFlag> copyOf(Collection<DepositFlag> flags) {
        return Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(DepositFlag.class) : EnumSet.copyOf(flags));
    }
}
