package io.tierline.core.knowledge;

import java.util.Locale;

/** Who may read an article: customers (public, without signing in) or staff only (internal). */
public enum Audience {
    PUBLIC, INTERNAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Audience of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
