package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.boot.App;
import com.arbdesk.core.Failure;
import com.arbdesk.core.FailureCode;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    static final PasswordPolicy POLICY = PasswordPolicy.load();

    static String refusal(String password, String email) {
        Failure e = assertThrows(Failure.class, () -> POLICY.check(password, email, "password"), password);
        assertEquals(FailureCode.VALIDATION_FAILED, e.code());
        assertEquals("password", e.field());
        return e.getMessage();
    }

    @Test
    void theShippedListIsLoadedOnceWithTheMostCommonPasswords() {
        assertTrue(POLICY.size() > 10_000, "entries: " + POLICY.size());
        assertTrue(refusal("qwertyuiop", "a@x.io").contains("common passwords"));
        assertTrue(refusal("Password123", "a@x.io").contains("common passwords"), "compared lower-cased");
        assertTrue(refusal("1q2w3e4r5t", "a@x.io").contains("common passwords"));
    }

    @Test
    void lengthStaysBetweenTenAnd128() {
        assertTrue(refusal("short", "a@x.io").contains("at least 10"));
        assertTrue(refusal(null, "a@x.io").contains("at least 10"));
        assertTrue(refusal("correct horse battery ".repeat(6), "a@x.io").contains("at most 128"));
    }

    @Test
    void theEmailItsLocalPartAndTheSiteNameAreRefused() {
        assertTrue(refusal("Someone@Example.com", "someone@example.com").contains("email"));
        assertTrue(refusal("averylonglocalpart", "averylonglocalpart@example.com").contains("before the @"));
        assertTrue(refusal("ArbDesk2026!", "a@x.io").contains("name of this site"));
        assertTrue(refusal("4rbd3sk-4rbd3sk", "a@x.io").contains("name of this site"));
        assertTrue(refusal("arbdesk1234567", "a@x.io").contains("name of this site"));
    }

    @Test
    void repeatsAndRunsAreRefused() {
        assertTrue(refusal("aaaaaaaaaa", "a@x.io").contains("repeated"));
        assertTrue(refusal("xyxyxyxyxyxy", "a@x.io").contains("repeated"));
        assertTrue(refusal("7a!7a!7a!7a!", "a@x.io").contains("repeated"));
        assertTrue(refusal("abcdefghijklm", "a@x.io").contains("sequence"));
        assertTrue(refusal("zyxwvutsrqp", "a@x.io").contains("sequence"), "a descending run");
        assertTrue(refusal("mnopqrstuv", "a@x.io").contains("sequence"));
    }

    @Test
    void ordinaryPassphrasesAndTheTestAndDemoPasswordsPass() {
        for (String ok : new String[] {"a long passphrase", "correct horse battery staple", "arbdesk is my desk",
                "a-very-long-admin-passphrase", DemoAccounts.USER_PASSWORD, DemoAccounts.ADMIN_PASSWORD, "9 lives of a cat"}) {
            assertDoesNotThrow(() -> POLICY.check(ok, "someone@example.com", "password"), ok);
        }
    }

    @Test
    void theFieldNamedByTheCallerIsReported() {
        Failure e = assertThrows(Failure.class, () -> POLICY.check("aaaaaaaaaa", "a@x.io", "new_password"));
        assertEquals("new_password", e.field());
    }
}
