package com.arbdesk.bench;

import java.net.URI;
import java.util.Map;

/** Where one WebSocket connects and with which handshake headers (the app: session cookie; the reference: ?user=). */
public record SocketTarget(URI uri, Map<String, String> headers) {

    public static SocketTarget app(Server s, Accounts.Account a) {
        return new SocketTarget(URI.create(s.wsUrl()), Map.of("Cookie", Accounts.cookie(a)));
    }

    public static SocketTarget reference(Server s, Accounts.Account a) {
        return new SocketTarget(URI.create(s.wsUrl() + "?user=" + a.id()), Map.of());
    }
}
