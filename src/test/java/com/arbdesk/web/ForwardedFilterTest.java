package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.arbdesk.config.Cidr;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedFilterTest {
    static final List<Cidr> PROXIES = Cidr.list("T", "10.0.0.0/8");

    static String client(String... headers) {
        return ForwardedFilter.client(Collections.enumeration(List.of(headers)), PROXIES);
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNotAProxy() {
        assertEquals("198.51.100.1", client("198.51.100.1"));
        assertEquals("198.51.100.1", client("6.6.6.6, 198.51.100.1, 10.0.0.5"), "what the client wrote itself is not believed");
        assertEquals("198.51.100.1", client("6.6.6.6", "198.51.100.1, 10.0.0.5"));
        assertEquals("10.0.0.4", client("10.0.0.4, 10.0.0.5"), "only proxies: the farthest one");
        assertEquals("198.51.100.1", client("not-an-ip, 198.51.100.1"));
        assertNull(client("198.51.100.1, garbage"), "a malformed last hop: nothing believed");
        assertNull(client());
    }

    @Test
    void onlyHttpAndHttpsAreSchemes() {
        assertEquals("https", ForwardedFilter.proto("https"));
        assertEquals("http", ForwardedFilter.proto("https, HTTP"));
        assertNull(ForwardedFilter.proto("gopher"));
        assertNull(ForwardedFilter.proto(null));
    }
}
