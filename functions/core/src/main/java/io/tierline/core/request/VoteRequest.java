package io.tierline.core.request;

import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /kb/articles/{id}/votes}: was the article helpful. */
public record VoteRequest(@NotNull(message = Say.REQUIRED) Boolean helpful) {
}
