package com.arbdesk.web.access;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.annotation.WebServlet;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

/**
 * Every JAX-RS resource method, page servlet and WebSocket endpoint says who may call it. At run time an
 * undeclared route is denied anyway; this test makes forgetting the declaration a build failure instead.
 */
class EveryRouteDeclaresAccessTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.arbdesk");

    private static boolean declares(com.tngtech.archunit.core.domain.properties.CanBeAnnotated e) {
        return e.isAnnotatedWith(PermitAll.class) || e.isAnnotatedWith(RolesAllowed.class) || e.isAnnotatedWith(DenyAll.class);
    }

    private static final DescribedPredicate<JavaMethod> RESOURCE_METHOD = DescribedPredicate.describe("JAX-RS resource methods",
            m -> m.isAnnotatedWith(GET.class) || m.isAnnotatedWith(POST.class) || m.isAnnotatedWith(PUT.class)
                    || m.isAnnotatedWith(DELETE.class) || m.isAnnotatedWith(PATCH.class) || m.isAnnotatedWith(HEAD.class));

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() {
        methods().that(RESOURCE_METHOD).should(new ArchCondition<>("declare @PermitAll, @RolesAllowed or @DenyAll (or its class does)") {
            @Override
            public void check(JavaMethod m, ConditionEvents events) {
                boolean ok = declares(m) || declares(m.getOwner());
                events.add(new SimpleConditionEvent(m, ok, m.getFullName() + " declares no access rule"));
            }
        }).check(APP);
    }

    @Test
    void everyPageServletAndSocketDeclaresWhoMayUseIt() {
        classes().that().areAnnotatedWith(WebServlet.class).or().areAnnotatedWith(ServerEndpoint.class)
                .should(new ArchCondition<JavaClass>("declare @PermitAll, @RolesAllowed or @DenyAll") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        events.add(new SimpleConditionEvent(c, declares(c), c.getName() + " declares no access rule"));
                    }
                }).check(APP);
    }
}
