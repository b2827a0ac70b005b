package io.tierline.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's code as the Lambda runtime sees it: the CodeUri zip unpacked into a task-root folder. Unpacked once
 * per zip version and reused while the zip does not change; several functions sharing a zip share the folder.
 */
public final class FunctionCode {

    private static final String COMPLETE_MARKER = ".tierline-unpacked";

    private FunctionCode() {
    }

    /** The folder under the system temp dir that holds unpacked function zips. */
    public static Path defaultWorkFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"), "tierline-local", "functions");
    }

    /**
     * @param codeUri a zip file, or a folder that already is a task root
     * @return the task root
     */
    public static Path taskRoot(Path codeUri, Path workFolder) {
        if (codeUri == null || !Files.exists(codeUri)) {
            throw new IllegalStateException("Function code " + codeUri + " does not exist; build it first"
                    + " (./mvnw package in the function's module writes target/function.zip)");
        }
        if (Files.isDirectory(codeUri)) {
            return codeUri;
        }
        try {
            String pathKey = hash(codeUri.toAbsolutePath().toString());
            BasicFileAttributes attributes = Files.readAttributes(codeUri, BasicFileAttributes.class);
            String versionKey = hash(attributes.size() + "/" + attributes.lastModifiedTime().toMillis());
            String prefix = folderName(codeUri) + "-" + pathKey + "-";
            Path target = workFolder.resolve(prefix + versionKey);
            if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
                unpackAtomically(codeUri, target);
                deleteOlderVersions(workFolder, prefix, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + codeUri, e);
        }
    }

    /** Unpacks beside the target and renames, so a concurrent runner never sees a half-unpacked folder. */
    private static void unpackAtomically(Path zip, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial-" + UUID.randomUUID());
        unzip(zip, partial);
        Files.createFile(partial.resolve(COMPLETE_MARKER));
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            deleteRecursively(partial); // another runner unpacked the same version meanwhile
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream file = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path destination = into.resolve(entry.getName()).normalize();
                if (!destination.startsWith(into)) {
                    throw new IOException("Zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(entries, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteOlderVersions(Path workFolder, String prefix, Path keep) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(workFolder, prefix + "*")) {
            for (Path folder : folders) {
                if (!folder.equals(keep)) {
                    deleteRecursively(folder);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Best effort: an old version may still be in use by another runner.
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** e.g. "workers" for functions/workers/target/function.zip, so the temp folder says whose code it is. */
    private static String folderName(Path codeUri) {
        Path parent = codeUri.toAbsolutePath().getParent();
        if (parent != null && "target".equals(String.valueOf(parent.getFileName())) && parent.getParent() != null) {
            parent = parent.getParent();
        }
        String name = parent == null ? "code" : String.valueOf(parent.getFileName());
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
