package io.tierline.workers;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tierline.core.testing.AdapterRules;
import org.junit.jupiter.api.Test;

/** The workers function is an adapter (docs/architecture.md, "Packages and what they may use"). */
class WorkersArchitectureTest {
    static final JavaClasses WORKERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tierline.workers");

    @Test
    void reachesTheAwsAdaptersOfTheCoreOnlyThroughWiring() {
        AdapterRules.REACHES_THE_AWS_ADAPTERS_ONLY_THROUGH_WIRING.check(WORKERS);
    }

    @Test
    void takesTimeFromTheClockOrTheEvent() {
        AdapterRules.TAKES_TIME_FROM_THE_CLOCK_OR_THE_EVENT.check(WORKERS);
    }
}
