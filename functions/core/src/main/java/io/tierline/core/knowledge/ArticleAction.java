package io.tierline.core.knowledge;

import java.util.Locale;

/** What a revision of an article did; the revisions are the article's audit trail. */
public enum ArticleAction {
    CREATED, EDITED, PUBLISHED, RETIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleAction of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
