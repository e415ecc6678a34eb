package com.arbdesk.web;

import com.arbdesk.core.FailureCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Caps every request body at 64 KiB: a declared larger length is refused at once, a chunked one when it crosses the cap. */
public final class BodyLimitFilter extends HttpFilter {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String MESSAGE = "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB";

    /** Raised while reading a body that crosses the cap. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super(MESSAGE);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (req.getContentLengthLong() > MAX_BODY_BYTES) {
            if (req.getServletPath().startsWith("/api/")) {
                ErrorBody.write(resp, FailureCode.PAYLOAD_TOO_LARGE, MESSAGE);
            } else {
                resp.sendError(413);
            }
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(req) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new LimitedStream(super.getInputStream());
                }
                return limited;
            }
        }, resp);
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private long count;

        LimitedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            count += n;
            if (count > MAX_BODY_BYTES) {
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
