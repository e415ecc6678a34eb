package com.arbdesk.alerts;

import com.arbdesk.core.Failure;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which webhook URLs are accepted: absolute http(s) with a host, no user info, at most 2,000 characters. When
 * {@code publicOnly} (production) every address the host resolves to must be public, so a webhook cannot be
 * aimed at the server itself or the private network behind it (SSRF); demo and tests allow loopback receivers.
 */
public final class WebhookUrls {
    private final boolean publicOnly;

    public WebhookUrls(boolean publicOnly) {
        this.publicOnly = publicOnly;
    }

    /** The URL, trimmed, or a validation failure naming the field {@code url}. */
    public URI check(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 2000) {
            throw Failure.invalid("url", "url must be an http or https URL of at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw Failure.invalid("url", "url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw Failure.invalid("url", "url must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw Failure.invalid("url", "url needs a host name and no user:password part");
        }
        refusePrivate(uri.getHost());
        return uri;
    }

    /** Checked again before each POST: a name may resolve elsewhere by then. */
    public void refusePrivate(String host) {
        if (!publicOnly) {
            return;
        }
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw Failure.invalid("url", "url's host does not resolve");
        }
        for (InetAddress a : all) {
            if (!isPublic(a)) {
                throw Failure.invalid("url", "url must point at a public address, not a loopback, private or link-local one");
            }
        }
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 16) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15 (benchmarking)
        return !(first == 100 && second >= 64 && second < 128) && first != 0
                && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && !(first == 198 && (second == 18 || second == 19));
    }
}
