package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payment read from the verification's single parse is the one a separate parse of the body gives. */
class VerifiedPaymentTest {
    private static final String SECRET = "verified-payment-secret";

    @Test
    void theVerifiedTreeMapsToTheSamePaymentAsParsingTheBodyAgain() throws Exception {
        List<String> bodies = List.of(
                "{\"payment_id\":5077125051,\"payment_status\":\"finished\",\"pay_address\":\"bc1q\",\"price_amount\":100,"
                        + "\"price_currency\":\"usd\",\"pay_amount\":0.00153847,\"actually_paid\":0.0015384700,"
                        + "\"actually_paid_at_fiat\":0,\"pay_currency\":\"btc\",\"order_id\":\"o-1\",\"outcome_amount\":1e-7,"
                        + "\"purchase_id\":\"12345678901234567890123\",\"invoice_id\":null,\"payin_hash\":\"ab\\u00e9\","
                        + "\"payment_extra_ids\":[1,2,\"3\"],\"fee\":{\"currency\":\"btc\",\"depositFee\":0.00001}}",
                "{\"payment_id\":\"42\",\"payment_status\":\"partially_paid\",\"actually_paid\":\"0.5\",\"pay_amount\":1.000,"
                        + "\"price_amount\":\"20.00\",\"parent_payment_id\":99999999999999999999}");
        for (String body : bodies) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            IpnCanonicalJson verified = new IpnVerifier(SECRET).verify(bytes,
                    IpnTestSigner.sign(SECRET, IpnCanonicalJson.parse(bytes).recursiveForm()));
            assertEquals(Payment.fromIpn(bytes), Payment.fromVerified(verified), body);
            assertEquals(body, verified.text());
        }
    }
}
