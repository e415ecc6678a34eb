package com.arbdesk.auth;

/**
 * Who is on the other end of a request, as far as the server can tell: the address (rate limits)
 * and the user agent (shown in the session list). The address is the socket's peer; proxy headers
 * are not trusted here.
 */
public record ClientInfo(String address, String userAgent) {
    static final int MAX_USER_AGENT = 200;

    public ClientInfo {
        address = address == null ? "" : address;
        userAgent = userAgent == null ? "" : userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
    }
}
