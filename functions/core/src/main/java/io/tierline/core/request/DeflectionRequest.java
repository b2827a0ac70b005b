package io.tierline.core.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The body of {@code POST /kb/deflections}: the article that solved the customer's problem, what they had typed, and
 * the form's key (one deflection per form, however often it is posted).
 */
public record DeflectionRequest(
        @NotNull(message = Say.REQUIRED)
        @Pattern(regexp = "KB-[0-9a-f]{12}", message = "must be an article id like KB-0123456789ab") String article,
        @CodePointLength(max = 500, message = Say.AT_MOST) @PlainText String query,
        @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
        @CodePointLength(max = 100, message = Say.AT_MOST) @OneLine String formKey) {
}
