package io.tierline.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The layering of the core (docs/architecture.md, "Packages and what they may use"): the domain packages know
 * nothing of AWS, Quarkus, CDI or MicroProfile, the core's packages depend on each other without a cycle, and the
 * domain takes time from an injected clock. Each rule names the classes that break it.
 */
class ArchitectureTest {
    /** The packages that may speak to AWS and to Quarkus: the adapters and the CDI producers. */
    static final String[] ADAPTER_PACKAGES = {
            "io.tierline.core.aws..", "io.tierline.core.wiring..", "io.tierline.core.request.."};

    /** Frameworks and platforms the domain must not see. Jackson (a library, not a platform) is allowed. */
    static final String[] PLATFORM_PACKAGES = {
            "software.amazon..", "io.quarkus..", "jakarta..", "javax..", "org.eclipse.microprofile..",
            "io.smallrye..", "io.vertx..", "org.jboss.."};

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tierline.core");

    @Test
    void theDomainUsesNoPlatformType() {
        ArchRule rule = noClasses().that().resideInAPackage("io.tierline.core..")
                .and().resideOutsideOfPackages(ADAPTER_PACKAGES)
                .should().dependOnClassesThat(platformTypes())
                .because("the domain runs the same in a unit test, a Lambda and the local runner;"
                        + " AWS and Quarkus stay in aws, wiring and request");
        rule.check(CORE);
    }

    @Test
    void theDomainDoesNotReachIntoItsAdapters() {
        noClasses().that().resideInAPackage("io.tierline.core..")
                .and().resideOutsideOfPackages(ADAPTER_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_PACKAGES)
                .because("adapters implement the domain's ports; the domain never names an implementation")
                .check(CORE);
    }

    @Test
    void thePackagesOfTheCoreFormNoCycle() {
        slices().matching("io.tierline.core.(*)..").should().beFreeOfCycles()
                .because("a cycle makes two packages one: neither can be understood, tested or moved alone")
                .check(CORE);
    }

    @Test
    void theDomainTakesTimeFromItsClock() {
        noClasses().that().resideInAPackage("io.tierline.core..")
                .and().resideOutsideOfPackages("io.tierline.core.wiring..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("time is data: tests set it and the sweep takes it from the schedule's event;"
                        + " only wiring provides the system clock")
                .check(CORE);
    }

    @Test
    void theCoreWritesNothingToStandardStreams() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CORE);
    }

    @Test
    void aJavaxTypeOfTheJdkIsNoPlatformType() {
        JavaClasses types = new ClassFileImporter().importClasses(javax.crypto.Mac.class,
                jakarta.inject.Inject.class, org.eclipse.microprofile.config.inject.ConfigProperty.class, String.class);
        DescribedPredicate<JavaClass> platform = platformTypes();
        assertFalse(platform.test(types.get(javax.crypto.Mac.class)));
        assertFalse(platform.test(types.get(String.class)));
        assertTrue(platform.test(types.get(jakarta.inject.Inject.class)));
        assertTrue(platform.test(types.get(org.eclipse.microprofile.config.inject.ConfigProperty.class)));
    }

    /**
     * Types of the named platforms; a {@code javax} type the JDK itself provides ({@code javax.crypto.Mac}) is
     * part of Java, not of a platform.
     */
    static DescribedPredicate<JavaClass> platformTypes() {
        return DescribedPredicate.describe("belong to " + String.join(", ", PLATFORM_PACKAGES)
                        + " (except javax types of the JDK)",
                type -> JavaClass.Predicates.resideInAnyPackage(PLATFORM_PACKAGES).test(type) && !ofTheJdk(type));
    }

    static boolean ofTheJdk(JavaClass type) {
        try {
            Class<?> loaded = Class.forName(type.getName(), false, ClassLoader.getPlatformClassLoader());
            return loaded.getModule().isNamed() && loaded.getModule().getName().startsWith("java.");
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
