package com.arbdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void rangesMatchTheirAddressesOnly() {
        Cidr ten = Cidr.parse("X", "10.0.0.0/8");
        assertTrue(ten.contains("10.255.1.2"));
        assertFalse(ten.contains("11.0.0.1"));
        Cidr odd = Cidr.parse("X", "192.168.1.128/25");
        assertTrue(odd.contains("192.168.1.200"));
        assertFalse(odd.contains("192.168.1.127"));
        Cidr one = Cidr.parse("X", "127.0.0.2");
        assertTrue(one.contains("127.0.0.2"));
        assertFalse(one.contains("127.0.0.1"));
        Cidr v6 = Cidr.parse("X", "2001:db8::/32");
        assertTrue(v6.contains("2001:db8:0:0:0:0:0:1"));
        assertFalse(v6.contains("10.0.0.1"));
        assertFalse(ten.contains("localhost"), "host names are never resolved");
        assertFalse(ten.contains("10.0.0.1, 10.0.0.2"));
    }

    @Test
    void malformedRangesNameTheSetting() {
        assertTrue(assertThrows(ConfigException.class, () -> Cidr.parse("TRUSTED_PROXIES", "proxy.example.com"))
                .getMessage().startsWith("TRUSTED_PROXIES"));
        assertThrows(ConfigException.class, () -> Cidr.parse("TRUSTED_PROXIES", "10.0.0.0/33"));
        assertThrows(ConfigException.class, () -> Cidr.parse("TRUSTED_PROXIES", "10.0.0/8"));
        assertEquals(2, Cidr.list("X", " 10.0.0.0/8, ::1 ").size());
        assertEquals(0, Cidr.list("X", " ").size());
    }
}
