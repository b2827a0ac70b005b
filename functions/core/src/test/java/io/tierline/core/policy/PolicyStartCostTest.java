package io.tierline.core.policy;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * What a function's start pays for the policy document (issue 13): the bundled document is trusted and sound, so
 * the schema (a 36 KB document parsed into a tree) is read only when a document has problems to name. Each case
 * runs in a class loader of its own, so what this JVM already loaded for other tests does not count.
 */
class PolicyStartCostTest {
    private static final String SCHEMA_HOLDER = "io.tierline.core.validation.PolicySchema$Published";

    @Test
    void theBundledDocumentStartsWithoutReadingTheSchema() throws Exception {
        try (Isolated core = new Isolated()) {
            core.loadClass(PolicyDocument.class.getName()).getMethod("bundled").invoke(null);
            assertNull(core.loaded(SCHEMA_HOLDER), "the schema was read for the bundled document");
        }
    }

    @Test
    void aDocumentWithProblemsReadsTheSchemaToNameThem() throws Exception {
        try (Isolated core = new Isolated()) {
            InvocationTargetException refused = assertThrows(InvocationTargetException.class,
                    () -> core.loadClass(PolicyDocument.class.getName()).getMethod("parse", String.class)
                            .invoke(null, "{}"));
            assertNotNull(refused.getCause());
            assertNotNull(core.loaded(SCHEMA_HOLDER), "problems were named without the schema");
        }
    }

    /** Loads the core's own classes itself (child first); everything else comes from the test's class path. */
    private static final class Isolated extends URLClassLoader {
        Isolated() {
            super(new URL[] {PolicyDocument.class.getProtectionDomain().getCodeSource().getLocation()},
                    PolicyStartCostTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.tierline.core.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> found = findLoadedClass(name);
                return found != null ? found : findClass(name);
            }
        }

        Class<?> loaded(String name) {
            return findLoadedClass(name);
        }
    }
}
