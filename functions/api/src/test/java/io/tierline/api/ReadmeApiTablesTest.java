package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's API tables name every operation the api serves, and nothing it does not: the operations come from the
 * packaged OpenAPI document, which OpenApiRequestBodiesTest keeps equal to what the resources generate.
 */
class ReadmeApiTablesTest {
    private static final Path README = Path.of("../../README.md");
    /** A route in a table row's first cell: `GET /tickets/{id}?token=…` (several may share a cell). */
    private static final Pattern ROUTE = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^`?\\s]*)[^`]*`");
    /** Path parameters compare by position, not name: the README may say {id:<customerId>|email:<address>}. */
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]*}");

    @Test
    void theTablesListEveryOperationOfTheContractAndNoOther() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            if (line.startsWith("| `")) {
                Matcher route = ROUTE.matcher(line.substring(0, firstCellEnd(line)));
                while (route.find()) {
                    documented.add(route.group(1) + " " + normalised(route.group(2)));
                }
            }
        }
        Set<String> served = new TreeSet<>();
        JsonNode contract = Json.parse(new String(PackagedFiles.bytes(OpenApiResource.JSON), StandardCharsets.UTF_8));
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method ->
                    served.add(method.toUpperCase(java.util.Locale.ROOT) + " " + normalised(path.getKey())));
        }
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(served);
        assertEquals(Set.of(), missing, "served but not in the README's API tables");
        assertEquals(Set.of(), extra, "in the README's API tables but not served");
    }

    /** The first cell ends at the first " | " outside backticks (a route may contain an escaped "\|"). */
    private static int firstCellEnd(String row) {
        boolean code = false;
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '`') {
                code = !code;
            } else if (c == '|' && !code && row.charAt(i - 1) != '\\') {
                return i;
            }
        }
        return row.length();
    }

    private static String normalised(String path) {
        return PARAMETER.matcher(path).replaceAll("{}");
    }
}
