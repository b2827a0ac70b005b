package io.tierline.core.request;

import io.tierline.core.knowledge.ArticleContent;
import io.tierline.core.knowledge.Audience;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The body of {@code POST /articles} and {@code PUT /articles/{id}}: a knowledge-base article's content. The body is
 * Markdown; whatever HTML it holds is shown as text when rendered, so it is not refused here.
 */
public record ArticleRequest(
        @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
        @CodePointLength(max = 200, message = Say.AT_MOST) @OneLine String title,
        @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
        @CodePointLength(max = 50_000, message = Say.AT_MOST) @PlainText String body,
        @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
        @CodePointLength(max = 63, message = Say.AT_MOST) @OneLine String category,
        @Size(max = 20, message = "must have at most {max} tags")
        List<@NotBlank(message = Say.NOT_BLANK) @CodePointLength(max = 40, message = Say.AT_MOST) @OneLine String> tags,
        @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code like en") String language,
        @Pattern(regexp = "public|internal", message = "must be one of: public, internal") String audience) {

    /** The content, with the defaults: no tags, English, public. */
    public ArticleContent content() {
        return new ArticleContent(title.strip(), body, category.strip(), tags == null ? List.of() : tags,
                language == null ? "en" : language, audience == null ? Audience.PUBLIC : Audience.of(audience));
    }
}
