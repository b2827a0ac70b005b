package io.tierline.core.report;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.validation.DocumentProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The root-cause taxonomy of the policy document ({@code reviews.rootCauses}): the codes a resolution's root cause is
 * counted under. A cause is matched by its code, case and surrounding space ignored; anything else is {@value #OTHER}.
 */
public record RootCauses(List<String> codes) {
    public static final String OTHER = "other";
    public static final String SECTION = "rootCauses";
    private static final JsonPointer AT = JsonPointer.compile("/" + SECTION);
    /** Used when the policy document names no taxonomy. */
    public static final RootCauses DEFAULT = new RootCauses(List.of("product-defect", "documentation-gap",
            "user-error", "configuration", "third-party", "billing-error", "feature-request"));

    public RootCauses {
        codes = codes.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** Longer free text is cut: a counter name is not the place for an essay. */
    static final int MAX_LENGTH = 60;

    /** The document's {@code rootCauses} section (its codes are checked by the schema), or {@link #DEFAULT}. */
    public static RootCauses read(JsonNode section, DocumentProblems problems) {
        if (section.isMissingNode() || !problems.sound(AT)) {
            return DEFAULT;
        }
        List<String> codes = new ArrayList<>();
        section.forEach(code -> codes.add(code.asText()));
        return new RootCauses(codes);
    }

    public String classify(String rootCause) {
        String code = normalise(rootCause);
        return codes.contains(code) ? code : OTHER;
    }

    /** How a root cause is counted: lower-cased, trimmed, inner space collapsed, cut at {@value #MAX_LENGTH}. */
    public static String normalise(String rootCause) {
        String text = rootCause.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
}
