package com.arbdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The layering the README's architecture section draws, as a build failure: dependencies point down
 * (core, config, features, realtime, web, boot), only web, boot and the sandbox speak HTTP, feature
 * packages have no cycles and use each other's services rather than DAOs, the sandbox stays an
 * island, and there is no mutable static state.
 */
class ArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.arbdesk");

    private static final String[] FEATURES = {"com.arbdesk.auth..", "com.arbdesk.ledger..", "com.arbdesk.nowpayments..",
        "com.arbdesk.deposit..", "com.arbdesk.arbitrage..", "com.arbdesk.alerts..", "com.arbdesk.admin.."};

    @Test
    void dependenciesPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("com.arbdesk.core..")
                .layer("config").definedBy("com.arbdesk.config..")
                .layer("features").definedBy(FEATURES)
                .layer("realtime").definedBy("com.arbdesk.realtime..")
                .layer("web").definedBy("com.arbdesk.web..")
                .layer("boot").definedBy("com.arbdesk.boot..")
                .layer("sandbox").definedBy("com.arbdesk.sandbox..")
                .whereLayer("boot").mayNotBeAccessedByAnyLayer()
                .whereLayer("web").mayOnlyBeAccessedByLayers("boot", "sandbox")
                .whereLayer("realtime").mayOnlyBeAccessedByLayers("web", "boot")
                .whereLayer("features").mayOnlyBeAccessedByLayers("realtime", "web", "boot", "sandbox")
                .whereLayer("config").mayOnlyBeAccessedByLayers("features", "realtime", "web", "boot", "sandbox")
                .whereLayer("sandbox").mayOnlyBeAccessedByLayers("boot")
                .check(APP);
    }

    @Test
    void theSandboxUsesOnlyTheBottomLayerAndTheIpnSigningCode() {
        classes().that().resideInAPackage("com.arbdesk.sandbox..").should().onlyDependOnClassesThat(
                DescribedPredicate.describe("outside com.arbdesk, or in core, config, web.access or the IPN canonical form",
                        (JavaClass c) -> !c.getPackageName().startsWith("com.arbdesk")
                                || c.getPackageName().startsWith("com.arbdesk.sandbox")
                                || c.getPackageName().startsWith("com.arbdesk.core")
                                || c.getPackageName().startsWith("com.arbdesk.config")
                                || c.getPackageName().equals("com.arbdesk.web.access")
                                || c.getName().startsWith("com.arbdesk.nowpayments.IpnCanonicalJson")
                                || c.getName().equals("com.arbdesk.nowpayments.MalformedIpnJsonException")))
                .check(APP);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("com.arbdesk.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void onlyTheWebLayerSpeaksHttp() {
        noClasses().that().resideOutsideOfPackages("com.arbdesk.web..", "com.arbdesk.boot..", "com.arbdesk.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..", "jakarta.websocket..",
                        "org.glassfish.jersey..", "org.apache.catalina..", "org.apache.tomcat..")
                .check(APP);
    }

    @Test
    void aFeatureUsesAnotherFeaturesServiceNeverItsDao() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAnyPackage(FEATURES).and().resideOutsideOfPackage(feature)
                    .should().dependOnClassesThat(DescribedPredicate.describe("DAOs of " + feature,
                            (JavaClass c) -> c.getSimpleName().endsWith("Dao") && c.getPackage().getName()
                                    .startsWith(feature.substring(0, feature.length() - 2))))
                    .allowEmptyShould(true)
                    .check(APP);
        }
    }

    @Test
    void thereIsNoMutableStaticState() {
        fields().that().areStatic().should(new ArchCondition<JavaField>("be final and not hold one of our own service objects") {
            @Override
            public void check(JavaField f, ConditionEvents events) {
                JavaClass type = f.getRawType();
                boolean ours = type.getPackageName().startsWith("com.arbdesk") && !type.isEnum() && !type.isRecord() && !type.isInterface()
                        && !f.getOwner().isEnum();
                boolean ok = f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.FINAL) && !ours;
                events.add(new SimpleConditionEvent(f, ok, f.getFullName() + " is mutable static state"));
            }
        }).check(APP);
    }
}
