package com.arbdesk.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arbdesk.web.access.AccessRule.Decision;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.security.Principal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessRuleTest {
    private static final Principal SOMEONE = () -> "7";

    @RolesAllowed("admin")
    static class AdminThings {
        public void inherits() {
        }

        @PermitAll
        public void open() {
        }

        @DenyAll
        public void closed() {
        }
    }

    static class Undeclared {
        public void anything() {
        }
    }

    @Test
    void theMethodWinsOverItsClass() throws NoSuchMethodException {
        assertEquals(new AccessRule(AccessRule.Kind.ROLES, List.of("admin")),
                AccessRule.of(AdminThings.class.getMethod("inherits"), AdminThings.class));
        assertEquals(AccessRule.PUBLIC, AccessRule.of(AdminThings.class.getMethod("open"), AdminThings.class));
        assertEquals(AccessRule.DENIED, AccessRule.of(AdminThings.class.getMethod("closed"), AdminThings.class));
    }

    @Test
    void whatDeclaresNothingIsDenied() throws NoSuchMethodException {
        AccessRule rule = AccessRule.of(Undeclared.class.getMethod("anything"), Undeclared.class);
        assertEquals(AccessRule.DENIED, rule);
        assertEquals(Decision.UNAUTHENTICATED, rule.decide(null, r -> true));
        assertEquals(Decision.FORBIDDEN, rule.decide(SOMEONE, r -> true));
    }

    @Test
    void rolesAreCheckedAgainstTheCaller() {
        AccessRule admin = new AccessRule(AccessRule.Kind.ROLES, List.of("admin"));
        assertEquals(Decision.UNAUTHENTICATED, admin.decide(null, r -> false));
        assertEquals(Decision.FORBIDDEN, admin.decide(SOMEONE, "user"::equals));
        assertEquals(Decision.ALLOW, admin.decide(SOMEONE, r -> true));
        assertEquals(Decision.ALLOW, AccessRule.PUBLIC.decide(null, r -> false));
    }
}
