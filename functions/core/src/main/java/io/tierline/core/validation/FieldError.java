package io.tierline.core.validation;

/** One problem with one input field, named by its path ("requester.email", "tags[2]"). */
public record FieldError(String field, String problem) {
}
