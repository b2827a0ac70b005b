package io.tierline.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierline.local.testfunction.EchoHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Packages {@link EchoHandler} like a Lambda function zip: classes at the root, libraries in lib/. */
final class TestFunctionZip {

    static final String HANDLER = EchoHandler.class.getName() + "::handleRequest";

    private TestFunctionZip() {
    }

    static Path write(Path zip) throws IOException {
        Path classes = location(EchoHandler.class);
        String packageFolder = EchoHandler.class.getPackageName().replace('.', '/');
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> handlerClasses = Files.list(classes.resolve(packageFolder))) {
            for (Path classFile : handlerClasses.toList()) {
                add(out, packageFolder + "/" + classFile.getFileName(), classFile);
            }
            for (Class<?> library : List.of(ObjectMapper.class, JsonParser.class, JsonProperty.class)) {
                Path jar = location(library);
                add(out, "lib/" + jar.getFileName(), jar);
            }
        }
        return zip;
    }

    private static void add(ZipOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        Files.copy(file, out);
        out.closeEntry();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
