package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.core.db.WriteCommits;
import com.arbdesk.nowpayments.IpnTestSigner;
import com.arbdesk.nowpayments.IpnVerifier;
import com.arbdesk.nowpayments.NowPaymentsClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IpnIntake over a temporary SQLite file: a refused IPN never takes the writer (counted, sampled later at a
 * bounded rate), a genuine one is stored raw and applied.
 */
class IpnIntakeTest {
    private static final String SECRET = "an-ipn-secret-for-tests";
    private static final java.time.Duration RETENTION = java.time.Duration.ofDays(30);

    @TempDir
    Path dir;
    private DepositDb db;
    private RejectedIpns rejected;
    private IpnIntake intake;
    private Deposit deposit;

    @BeforeEach
    void open() {
        db = new DepositDb(dir);
        rejected = new RejectedIpns(db.tx, db.ipns, db.clock, RETENTION);
        FiatValuation valuation = new FiatValuation(db.tx, db.deposits,
                new NowPaymentsClient(NowPaymentsClient.Settings.of("http://127.0.0.1:9", "no-key")), db.clock);
        intake = new IpnIntake(db.tx, db.ipns, new IpnVerifier(SECRET), rejected, db.updater, valuation, db.clock,
                new BigDecimal("1000000"));
        deposit = db.pending(db.user("payer@example.com"), "100.00", "0.00153847", "5000000001");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String finishedBody() {
        Map<String, Object> m = new TreeMap<>();
        m.put("payment_id", Long.parseLong(deposit.paymentId()));
        m.put("payment_status", "finished");
        m.put("pay_address", deposit.payAddress());
        m.put("price_amount", 100);
        m.put("price_currency", "usd");
        m.put("pay_amount", 0.00153847);
        m.put("actually_paid", 0.00153847);
        m.put("pay_currency", "btc");
        return IpnTestSigner.canonicalOf(m);
    }

    private long ipnRows() {
        return db.count("SELECT COUNT(*) FROM ipn_events");
    }

    @Test
    void forgedIpnsTakeNoWriteTransactionAndAreSampledAtABoundedRate() {
        WriteCommits commits = WriteCommits.on(db.db);
        byte[] body = finishedBody().getBytes(StandardCharsets.UTF_8);
        String forged = IpnTestSigner.sign("not-the-secret", finishedBody());
        for (int i = 0; i < 300; i++) {
            assertThrows(IpnRefusedException.class, () -> intake.receive(body, forged, "10.0.0.1"));
            assertThrows(IpnRefusedException.class, () -> intake.receive(body, null, "10.0.0.1"));
            assertThrows(IpnRefusedException.class, () -> intake.receive("not json".getBytes(StandardCharsets.UTF_8), "ab", "10.0.0.1"));
        }
        assertEquals(0, commits.count(), "no refused IPN took the writer");
        assertEquals(0, ipnRows());
        assertEquals(900, rejected.total());
        assertEquals(900, rejected.lastHour());
        assertEquals(DepositStatus.PENDING, db.reload(deposit).status());

        rejected.flush();
        assertEquals(1, commits.count(), "the samples of a second: one write transaction");
        assertEquals(RejectedIpns.SAMPLES_PER_FLUSH, db.count("SELECT COUNT(*) FROM ipn_events WHERE verdict = 'invalid_signature'"));
        assertTrue(db.count("SELECT COUNT(*) FROM ipn_events WHERE payment_id = ?", deposit.paymentId()) > 0,
                "a sample names the payment it claims, for the log");
        rejected.flush();
        assertEquals(1, commits.count(), "nothing waiting, no transaction");
    }

    @Test
    void theSampledRowsStayBounded() {
        db.tx.inTransaction(c -> {
            for (int i = 0; i < 8; i++) {
                db.ipns.insert(c, db.clock.instant(), "10.0.0.1", "x", "{}", null, null, IpnVerdict.INVALID_SIGNATURE, "sample");
            }
            db.ipns.insert(c, db.clock.instant(), "10.0.0.1", "x", "{}", null, null, IpnVerdict.APPLIED, "kept");
            db.ipns.trim(c, IpnVerdict.INVALID_SIGNATURE, 3);
            return null;
        });
        assertEquals(3, db.count("SELECT COUNT(*) FROM ipn_events WHERE verdict = 'invalid_signature'"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM ipn_events WHERE verdict = 'applied'"), "other verdicts are never trimmed");
        assertEquals(8, db.count("SELECT MAX(id) FROM ipn_events WHERE verdict = 'invalid_signature'"), "the newest are kept");
    }

    @Test
    void aGenuineIpnIsStoredRawAndAppliedInOneWriteTransaction() {
        String body = finishedBody();
        WriteCommits commits = WriteCommits.on(db.db);
        DepositUpdater.Outcome o = intake.receive(body.getBytes(StandardCharsets.UTF_8), IpnTestSigner.sign(SECRET, body), "10.0.0.2");
        assertEquals(IpnVerdict.APPLIED, o.verdict(), o.detail());
        assertEquals(1, commits.count(), "raw log, update, ledger and live events: one write transaction");
        assertEquals(DepositStatus.COMPLETED, db.reload(deposit).status());
        assertEquals(1, db.count("SELECT COUNT(*) FROM ipn_events WHERE verdict = 'applied' AND body = ?", body));
        assertEquals(1, db.count("SELECT COUNT(*) FROM deposit_events WHERE ipn_event_id IS NOT NULL"), "the timeline names the IPN");

        DepositUpdater.Outcome again = intake.receive(body.getBytes(StandardCharsets.UTF_8), IpnTestSigner.sign(SECRET, body), "10.0.0.2");
        assertEquals(IpnVerdict.DUPLICATE, again.verdict());
        assertEquals(2, commits.count());
        assertEquals(10_000, db.ledgerSumMinor(deposit.userId()), "credited once");
        assertEquals(0, rejected.total());
    }

    @Test
    void refusedIpnsArePrunedAfterTheRetentionAndValidOnesAreKeptForEver() {
        String body = finishedBody();
        assertEquals(IpnVerdict.APPLIED, intake.receive(body.getBytes(StandardCharsets.UTF_8), IpnTestSigner.sign(SECRET, body),
                "10.0.0.2").verdict());
        assertThrows(IpnRefusedException.class, () -> intake.receive(body.getBytes(StandardCharsets.UTF_8), "00", "10.0.0.9"));
        rejected.flush();
        assertEquals(0, rejected.prune(), "nothing is old yet");

        db.clock.advance(RETENTION.minusMinutes(1));
        assertThrows(IpnRefusedException.class, () -> intake.receive(body.getBytes(StandardCharsets.UTF_8), "01", "10.0.0.9"));
        rejected.flush();
        assertEquals(0, rejected.prune(), "a refused IPN one minute short of the retention stays");

        db.clock.advance(java.time.Duration.ofMinutes(2));
        assertEquals(1, rejected.prune(), "the refused IPN past the retention is deleted");
        assertEquals(1, db.count("SELECT COUNT(*) FROM ipn_events WHERE verdict = 'invalid_signature' AND signature = '01'"),
                "the younger refused IPN is kept");
        assertEquals(0, db.count("SELECT COUNT(*) FROM ipn_events WHERE signature = '00'"));

        db.clock.advance(java.time.Duration.ofDays(3650));
        rejected.prune();
        assertEquals(0, db.count("SELECT COUNT(*) FROM ipn_events WHERE verdict = 'invalid_signature'"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM ipn_events WHERE verdict = 'applied' AND body = ?", body),
                "the valid IPN is kept for ever");
    }
}
