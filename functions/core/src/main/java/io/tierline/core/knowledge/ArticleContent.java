package io.tierline.core.knowledge;

import java.util.List;

/** What an article says and for whom: the part a supervisor edits. The body is Markdown, rendered safely. */
public record ArticleContent(String title, String body, String category, List<String> tags, String language,
                             Audience audience) {
    public ArticleContent {
        tags = List.copyOf(tags);
    }
}
