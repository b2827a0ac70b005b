package io.tierline.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local values for CloudFormation's Secrets Manager dynamic references ({@code {{resolve:secretsmanager:...}}}):
 * a random 256-bit value per secret, kept in the data folder when there is one so that what was derived from it
 * (customers' status links) still works after a restart.
 */
final class LocalSecrets {
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{resolve:secretsmanager:([^}]+)}}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Map<String, String> values = new TreeMap<>();

    LocalSecrets(Path dataDir) {
        this.file = dataDir == null ? null : dataDir.resolve("local-secrets.json");
        if (file != null && Files.isRegularFile(file)) {
            try {
                JsonNode stored = Json.read(Files.readAllBytes(file));
                stored.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    /** The text with each dynamic reference replaced by the local value of the secret it names. */
    synchronized String resolveDynamicReferences(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            // secret-id[:SecretString[:json-key[:version-stage[:version-id]]]]: the id names the secret
            String secretId = matcher.group(1).replaceAll(":SecretString.*$", "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.computeIfAbsent(secretId, id -> newValue())));
            save();
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String newValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.write(values));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
