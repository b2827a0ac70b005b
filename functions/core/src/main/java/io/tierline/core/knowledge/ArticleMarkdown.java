package io.tierline.core.knowledge;

import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Block;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
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

    /**
     * The words a reader sees, for the search index and its snippets: the text and code of the parsed Markdown, so
     * no mark, link address or raw HTML is left behind and the punctuation stays where the writer put it.
     */
    public static String plainText(String markdown) {
        if (markdown == null) {
            return "";
        }
        StringBuilder words = new StringBuilder();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                words.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                words.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                words.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                words.append(' ');
            }

            @Override
            public void visit(FencedCodeBlock code) {
                words.append(code.getLiteral());
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                words.append(code.getLiteral());
            }

            // blocks are apart for a reader: a heading's last word and the next paragraph's first stay two words
            @Override
            protected void visitChildren(Node parent) {
                for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof Block) {
                        words.append(' ');
                    }
                    child.accept(this);
                }
            }
        });
        return words.toString().replaceAll("\\s+", " ").strip();
    }
}
