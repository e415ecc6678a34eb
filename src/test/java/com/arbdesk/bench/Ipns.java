package com.arbdesk.bench;

import com.arbdesk.nowpayments.IpnTestSigner;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.TreeMap;

/** Genuine and forged 'finished' IPNs for seeded pending deposits, built as DepositFlowIT builds them. */
public final class Ipns {
    private final String secret;

    public Ipns(String secret) {
        this.secret = secret;
    }

    /** The IPN body NOWPayments would post when the deposit is paid in full. */
    public static String finishedBody(Seeder.Pending d) {
        Map<String, Object> m = new TreeMap<>();
        m.put("payment_id", Long.parseLong(d.paymentId()));
        m.put("payment_status", "finished");
        m.put("pay_address", "TDbqd96NNmXmNQCCbdohbvDnDZHcZy1GGJ");
        m.put("price_amount", "10.00");
        m.put("price_currency", "usd");
        m.put("pay_amount", "10");
        m.put("actually_paid", "10");
        m.put("pay_currency", "usdttrc20");
        m.put("order_id", d.orderId());
        m.put("purchase_id", "1");
        return IpnTestSigner.canonicalOf(m);
    }

    /** A POST of the body signed with the app's IPN secret. */
    public HttpRequest genuine(String baseUrl, Seeder.Pending d) {
        String body = finishedBody(d);
        return post(baseUrl, body, IpnTestSigner.sign(secret, body));
    }

    /** The same POST signed with another secret: well-formed, wrong. */
    public HttpRequest forged(String baseUrl, Seeder.Pending d) {
        String body = finishedBody(d);
        return post(baseUrl, body, IpnTestSigner.sign("not-" + secret, body));
    }

    private static HttpRequest post(String baseUrl, String body, String signature) {
        return LoadGenerator.request(baseUrl + "/api/nowpayments/ipn")
                .header("Content-Type", "application/json")
                .header("x-nowpayments-sig", signature)
                .header("User-Agent", "NOWPayments v1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
