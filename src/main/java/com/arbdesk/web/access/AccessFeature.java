package com.arbdesk.web.access;

import com.arbdesk.auth.Roles;
import com.arbdesk.web.AuthFilter;
import com.arbdesk.web.CurrentUser;
import com.arbdesk.web.ErrorBody;
import com.arbdesk.core.FailureCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Binds each JAX-RS resource method to its {@link AccessRule}, checked against the request's
 * SecurityContext (set from the auth filter's principal). Jersey's RolesAllowedDynamicFeature leaves
 * undeclared methods open and answers 403 to anonymous callers; this one denies the undeclared and
 * answers 401 when logging in would help.
 */
public final class AccessFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        AccessRule rule = AccessRule.of(resource.getResourceMethod(), resource.getResourceClass());
        if (rule.kind() != AccessRule.Kind.PUBLIC) {
            context.register(new Check(rule));
        }
    }

    /** The per-method check, run before the method's parameters are read. */
    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {
        private final AccessRule rule;

        Check(AccessRule rule) {
            this.rule = rule;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext sc = request.getSecurityContext();
            switch (rule.decide(sc.getUserPrincipal(), sc::isUserInRole)) {
                case ALLOW -> {
                    if (rule.roles().contains(Roles.ADMIN) && sc.getUserPrincipal() instanceof CurrentUser u
                            && u.secondFactorDue()) {
                        request.abortWith(ErrorBody.response(FailureCode.SECOND_FACTOR_REQUIRED,
                                AuthFilter.SECOND_FACTOR_FIRST, null, null));
                    }
                }
                case UNAUTHENTICATED -> request.abortWith(
                        ErrorBody.response(FailureCode.UNAUTHENTICATED, "Log in to use this resource", null, null));
                case FORBIDDEN -> request.abortWith(
                        ErrorBody.response(FailureCode.FORBIDDEN, "You may not use this resource", null, null));
            }
        }
    }
}
