package io.tierline.core.knowledge;

import java.util.List;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An article's Markdown as HTML that is safe to put in a page: raw HTML in the Markdown is escaped (so a pasted
 * {@code <script>} or {@code onerror=} shows as text), and link and image destinations keep only http, https and
 * relative addresses ({@code javascript:}, {@code data:}, {@code mailto:} become empty). commonmark-java does both;
 * nothing here parses HTML by hand.
 */
public final class ArticleMarkdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https")))
            // a link leaves Tierline's origin without telling the other site where the reader came from
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            })
            .build();

    private ArticleMarkdown() {
    }

    public static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
    }

    /** The words a reader sees, without Markdown's marks, for the search index and its snippets. */
    public static String plainText(String markdown) {
        return markdown == null ? "" : markdown.replaceAll("[#*_`>\\[\\]()!|~-]+", " ").replaceAll("\\s+", " ")
                .strip();
    }
}
