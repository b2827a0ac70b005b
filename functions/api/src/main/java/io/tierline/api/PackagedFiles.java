package io.tierline.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Files packaged beside the api's classes (io/tierline/api/...), read once on first use and kept. */
final class PackagedFiles {
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private PackagedFiles() {
    }

    /** @param name relative to io/tierline/api, e.g. "assets/tierline.css" */
    static byte[] bytes(String name) {
        return CACHE.computeIfAbsent(name, PackagedFiles::read);
    }

    private static byte[] read(String name) {
        try (InputStream in = PackagedFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not packaged");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
