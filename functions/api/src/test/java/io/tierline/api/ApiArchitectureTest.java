package io.tierline.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tierline.core.testing.AdapterRules;
import org.junit.jupiter.api.Test;

/** The api function is an adapter (docs/architecture.md, "Packages and what they may use"). */
class ApiArchitectureTest {
    static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tierline.api");

    @Test
    void reachesTheAwsAdaptersOfTheCoreOnlyThroughWiring() {
        AdapterRules.REACHES_THE_AWS_ADAPTERS_ONLY_THROUGH_WIRING.check(API);
    }

    @Test
    void takesTimeFromTheClockOrTheEvent() {
        AdapterRules.TAKES_TIME_FROM_THE_CLOCK_OR_THE_EVENT.check(API);
    }
}
