package com.arbdesk.web.access;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.util.List;

/**
 * Who may call a route, read from the standard annotations where the route is defined: {@code @PermitAll},
 * {@code @RolesAllowed} or {@code @DenyAll}. The most specific declaration wins (a method over its class);
 * a route that declares nothing is denied, so forgetting the annotation can only lock a route, never open it.
 */
public record AccessRule(Kind kind, List<String> roles) {
    /** What the rule allows. */
    public enum Kind {
        /** anyone, logged in or not */
        PUBLIC,
        /** a logged-in caller holding one of {@link #roles()} */
        ROLES,
        /** nobody: declared {@code @DenyAll}, or not declared at all */
        DENIED
    }

    public static final AccessRule PUBLIC = new AccessRule(Kind.PUBLIC, List.of());
    public static final AccessRule DENIED = new AccessRule(Kind.DENIED, List.of());

    /** The rule of the first element (most specific first) that declares one; denied when none does. */
    public static AccessRule of(AnnotatedElement... mostSpecificFirst) {
        for (AnnotatedElement e : mostSpecificFirst) {
            if (e == null) {
                continue;
            }
            if (e.isAnnotationPresent(DenyAll.class)) {
                return DENIED;
            }
            if (e.isAnnotationPresent(PermitAll.class)) {
                return PUBLIC;
            }
            RolesAllowed roles = e.getAnnotation(RolesAllowed.class);
            if (roles != null) {
                return roles.value().length == 0 ? DENIED : new AccessRule(Kind.ROLES, List.of(roles.value()));
            }
        }
        return DENIED;
    }

    /** Whether the rule declared anything at all on these elements (the access-rule test uses it). */
    public static boolean declared(AnnotatedElement e) {
        return e.isAnnotationPresent(DenyAll.class) || e.isAnnotationPresent(PermitAll.class)
                || e.isAnnotationPresent(RolesAllowed.class);
    }

    /** The decision for a caller: who they are (null when anonymous) and which roles they hold. */
    public Decision decide(java.security.Principal caller, java.util.function.Predicate<String> holdsRole) {
        return switch (kind) {
            case PUBLIC -> Decision.ALLOW;
            case DENIED -> caller == null ? Decision.UNAUTHENTICATED : Decision.FORBIDDEN;
            case ROLES -> caller == null ? Decision.UNAUTHENTICATED
                    : roles.stream().anyMatch(holdsRole) ? Decision.ALLOW : Decision.FORBIDDEN;
        };
    }

    /** The outcome of a check: go on, log in first (401 / redirect), or not for you (403). */
    public enum Decision {
        ALLOW, UNAUTHENTICATED, FORBIDDEN
    }
}
