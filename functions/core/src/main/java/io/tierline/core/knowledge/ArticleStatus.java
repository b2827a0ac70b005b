package io.tierline.core.knowledge;

import java.util.Locale;

/** Draft (being written), published (searchable, readable by its audience), retired (kept for its history). */
public enum ArticleStatus {
    DRAFT, PUBLISHED, RETIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
