package com.arbdesk.auth;

import com.arbdesk.core.Failure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The rule a new password must pass (sign-up and password change), after NIST SP 800-63B 5.1.1.2:
 * a length of 10 to 128 characters, and none of the guesses attackers try first: a password from the
 * shipped list of common passwords, the account's email or its local part, the product name with
 * digits or symbols, a single repeated character, a short repeated pattern or a run like "0123456789".
 * No composition rules: length and the blocklist do the work. Each refusal says plainly why.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    public static final String RULE = "at least " + MIN_LENGTH + " characters, not a common password and not your email";
    static final String LIST_RESOURCE = "/auth/common-passwords.txt";
    private static final String PRODUCT = "arbdesk";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** Loads the common-password list from the classpath once (about 11,000 entries). */
    public static PasswordPolicy load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(LIST_RESOURCE + " is missing from the application");
            }
            Set<String> words = new HashSet<>(16_384);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return new PasswordPolicy(Set.copyOf(words));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIST_RESOURCE, e);
        }
    }

    public int size() {
        return common.size();
    }

    /** Throws a validation error on {@code field} naming the reason when the password is not acceptable. */
    public void check(String password, String email, String field) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw Failure.invalid(field, "Password must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw Failure.invalid(field, "Password must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(lower.strip())) {
            throw Failure.invalid(field, "This password is on the list of common passwords that attackers try first."
                    + " Choose a less common one, for example a few unrelated words");
        }
        String mail = email == null ? "" : email.toLowerCase(Locale.ROOT);
        int at = mail.indexOf('@');
        if (!mail.isEmpty() && (lower.equals(mail) || at > 0 && lower.equals(mail.substring(0, at)))) {
            throw Failure.invalid(field, "Password must not be your email address or the part before the @");
        }
        if (isProductName(lower)) {
            throw Failure.invalid(field, "Password must not be the name of this site with digits or symbols added");
        }
        if (isRepeatedPattern(lower)) {
            throw Failure.invalid(field, "Password must not be one character or a short pattern repeated");
        }
        if (isRun(lower)) {
            throw Failure.invalid(field, "Password must not be a simple sequence like 0123456789 or abcdefghij");
        }
    }

    /** The site's name, once or more, with nothing but digits or symbols around it ("ArbDesk2026!", "4rbd3sk-4rbd3sk"). */
    static boolean isProductName(String lower) {
        return onlyProductName(lettersOf(lower, false)) || onlyProductName(lettersOf(lower, true));
    }

    private static boolean onlyProductName(String letters) {
        return !letters.isEmpty() && letters.replace(PRODUCT, "").isEmpty();
    }

    /** The letters of the password; with {@code leet}, digits and symbols that stand for letters count as those. */
    private static String lettersOf(String lower, boolean leet) {
        StringBuilder letters = new StringBuilder();
        for (char ch : lower.toCharArray()) {
            char c = !leet ? ch : switch (ch) {
                case '4', '@' -> 'a';
                case '3' -> 'e';
                case '5', '$' -> 's';
                default -> ch;
            };
            if (Character.isLetter(c)) {
                letters.append(c);
            }
        }
        return letters.toString();
    }

    /** One character, or a unit of two or three characters, repeated to the end ("aaaaaaaaaa", "abababab", "123123123"). */
    static boolean isRepeatedPattern(String s) {
        for (int unit = 1; unit <= 3; unit++) {
            boolean repeats = true;
            for (int i = unit; i < s.length() && repeats; i++) {
                repeats = s.charAt(i) == s.charAt(i - unit);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** Every character one above (or one below) the one before it: "0123456789", "abcdefghijk", "9876543210". */
    static boolean isRun(String s) {
        int step = s.charAt(1) - s.charAt(0);
        if (step != 1 && step != -1) {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            if (s.charAt(i) - s.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }
}
