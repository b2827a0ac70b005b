package io.tierline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.local.FunctionDefinition;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What deploys, as the build leaves it: every zip the template names holds one jar in lib/ with every class, its
 * other files at the task root (tools/function-zip, issue 13), and stays within 20 MB (10^6 bytes each, the target; bin/bench cold-start prints the sizes).
 */
class PackagedZipsTest {

    static final long MAX_ZIP_BYTES = 20_000_000L;

    @Test
    void everyFunctionZipIsOneJarWithin20Megabytes() throws Exception {
        Set<Path> zips = new TreeSet<>();
        for (FunctionDefinition function : SamTemplate.load(ProjectRoot.templateFile()).functions().values()) {
            zips.add(function.codeUri());
        }
        assertEquals(2, zips.size(), "the api's zip and the workers' zip: " + zips);
        for (Path zip : zips) {
            assertTrue(Files.isRegularFile(zip), zip + " is missing: run ./mvnw verify from the root");
            long bytes = Files.size(zip);
            assertTrue(bytes <= MAX_ZIP_BYTES, zip + " is " + bytes + " bytes, over " + MAX_ZIP_BYTES);
            try (ZipFile file = new ZipFile(zip.toFile())) {
                List<String> entries = file.stream().map(ZipEntry::getName).toList();
                String module = zip.getParent().getParent().getFileName().toString();
                assertEquals(List.of("lib/tierline-" + module + ".jar"),
                        entries.stream().filter(name -> name.endsWith(".jar")).toList(), zip + " holds one jar");
                assertEquals(List.of(), entries.stream().filter(name -> name.endsWith(".class")).toList(),
                        "every class of " + zip + " is in its jar");
                assertTrue(entries.contains("application.properties"),
                        "the configuration stays at the task root, read as a file");
            }
        }
    }
}
