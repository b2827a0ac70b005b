package io.tierline.core.triage;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keyword matching for rules: whole words or phrases, any case, with an optional plural "s"/"es": "invoice" matches
 * "invoices" but "down" never matches "download".
 */
public final class Keywords {
    private Keywords() {
    }

    public static Pattern pattern(List<String> keywords) {
        return Pattern.compile(keywords.stream().map(Pattern::quote)
                        .collect(Collectors.joining("|", "(?<![\\p{L}\\p{N}])(?:", ")(?:e?s)?(?![\\p{L}\\p{N}])")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
