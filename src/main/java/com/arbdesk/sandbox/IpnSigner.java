package com.arbdesk.sandbox;

import com.arbdesk.nowpayments.IpnCanonicalJson;
import com.arbdesk.nowpayments.MalformedIpnJsonException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs IPN bodies the way the provider does: HMAC-SHA512 over the recursively key-sorted compact JSON. */
public final class IpnSigner {
    private final SecretKeySpec key;

    public IpnSigner(String secret) {
        this.key = new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA512");
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(key);
            String canonical = IpnCanonicalJson.parse(body).recursiveForm();
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA512 is unavailable", e);
        } catch (MalformedIpnJsonException e) {
            throw new IllegalArgumentException("the sandbox built an invalid IPN body", e);
        }
    }
}
