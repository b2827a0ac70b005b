package io.tierline.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files packaged with the api (the pages' assets, the dashboard, the API contract), read once on first use and kept.
 */
final class PackagedFiles {
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private PackagedFiles() {
    }

    /** @param name relative to io/tierline/api ("assets/tierline.css"), or from the root ("/dashboard/app.js") */
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
