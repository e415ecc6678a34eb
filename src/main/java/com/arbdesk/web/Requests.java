package com.arbdesk.web;

import com.arbdesk.auth.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;

/** What the services need to know about the HTTP request behind a call, read in one place. */
public final class Requests {
    private Requests() {
    }

    /** The socket's peer and user agent; proxy headers are not trusted here. */
    public static ClientInfo client(HttpServletRequest req) {
        return new ClientInfo(req.getRemoteAddr(), req.getHeader("User-Agent"));
    }
}
