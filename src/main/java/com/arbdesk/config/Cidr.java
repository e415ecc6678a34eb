package com.arbdesk.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An address range in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or one address), for
 * TRUSTED_PROXIES and NOWPAYMENTS_IPN_ALLOWED_IPS. Only IP literals are accepted, so matching never
 * asks DNS.
 */
public record Cidr(byte[] network, int prefix, String text) {
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** Parses one range; a malformed one is a configuration error naming the setting. */
    public static Cidr parse(String setting, String raw) {
        String s = raw.trim();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = literal(addr);
        if (bytes == null) {
            throw new ConfigException(setting + " takes IP addresses or CIDR ranges like 10.0.0.0/8, not '" + raw + "'");
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new ConfigException(setting + ": '" + raw + "' has an impossible prefix length");
            }
        }
        return new Cidr(bytes, prefix, s);
    }

    /** The comma-separated ranges of a setting; empty for none. */
    public static List<Cidr> list(String setting, String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(raw.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .map(x -> parse(setting, x)).toList();
    }

    /** True when {@code address} (an IP literal, as a servlet's getRemoteAddr gives) lies in this range. */
    public boolean contains(String address) {
        byte[] a = literal(address);
        if (a == null || a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** True when any range holds the address. */
    public static boolean anyContains(List<Cidr> ranges, String address) {
        return ranges.stream().anyMatch(c -> c.contains(address));
    }

    /** The bytes of an IP literal, or null for anything else (host names included: no DNS). */
    public static byte[] literal(String address) {
        if (address == null) {
            return null;
        }
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!LITERAL.matcher(a).matches() || (a.indexOf(':') < 0 && !a.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return null;
        }
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
