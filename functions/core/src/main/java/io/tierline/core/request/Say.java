package io.tierline.core.request;

/** The words of the problems the request bodies share, so every field says them the same way. */
final class Say {
    static final String REQUIRED = "is required";
    static final String NOT_BLANK = "must not be blank";
    static final String AT_MOST = "must be at most {max} characters";

    private Say() {
    }
}
