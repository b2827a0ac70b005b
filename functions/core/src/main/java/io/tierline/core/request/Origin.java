package io.tierline.core.request;

/** Where a body came from: a JSON client (the API, the intake queue) or a browser's plain HTML form. */
public enum Origin {
    JSON, FORM
}
