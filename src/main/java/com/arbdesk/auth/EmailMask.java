package com.arbdesk.auth;

/** The one way an email address is shown to someone who is not its owner (the back office lists and live stream). */
public final class EmailMask {
    private EmailMask() {
    }

    /** "jane@example.com" reads as "j***@example.com": enough to tell users apart in a list, no more. */
    public static String mask(String email) {
        if (email == null || email.isEmpty()) {
            return "";
        }
        String first = email.substring(0, email.offsetByCodePoints(0, 1));
        int at = email.lastIndexOf('@');
        return at <= 0 ? first + "***" : first + "***" + email.substring(at);
    }
}
