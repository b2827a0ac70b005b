package io.tierline.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Whatever a supervisor pastes into an article, the page shows it and runs none of it. */
class ArticleMarkdownTest {
    private static final String REL = "rel=\"nofollow noopener noreferrer\" ";

    @Test
    void rendersMarkdown() {
        assertEquals("<h1>Reset</h1>\n<p>Open <strong>Settings</strong> and see "
                        + "<a " + REL + "href=\"/kb/guide\">the guide</a>.</p>\n",
                ArticleMarkdown.html("# Reset\n\nOpen **Settings** and see [the guide](/kb/guide)."));
    }

    @Test
    void scriptBlocksAreShownAsText() {
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n", ArticleMarkdown.html("<script>alert(1)</script>"));
        assertEquals("<p>Text &lt;script&gt;alert(1)&lt;/script&gt; inline</p>\n",
                ArticleMarkdown.html("Text <script>alert(1)</script> inline"));
    }

    @Test
    void eventHandlerAttributesAreShownAsText() {
        String html = ArticleMarkdown.html("<img src=x onerror=\"alert(1)\">\n\n<a href=\"#\" onclick=\"x()\">a</a>");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<a "), html);
        assertTrue(html.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"), html);
    }

    @Test
    void javascriptAndDataLinksLoseTheirDestination() {
        assertEquals("<p><a " + REL + "href=\"\">click</a></p>\n", ArticleMarkdown.html("[click](javascript:alert(1))"));
        String mixed = ArticleMarkdown.html("[x](JaVaScRiPt:alert(1)) ![i](data:image/svg+xml;base64,PHN2Zz4=)"
                + " <javascript:alert(1)>").toLowerCase(Locale.ROOT);
        assertFalse(mixed.contains("href=\"javascript"), mixed);
        assertFalse(mixed.contains("src=\"data:"), mixed);
    }

    @Test
    void httpHttpsAndRelativeLinksStay() {
        String html = ArticleMarkdown.html("[a](https://example.com/x?a=1&b=2) [b](http://example.com) [c](../faq)");
        assertTrue(html.contains("href=\"https://example.com/x?a=1&amp;b=2\""), html);
        assertTrue(html.contains("href=\"http://example.com\""), html);
        assertTrue(html.contains("href=\"../faq\""), html);
    }

    @Test
    void plainTextIsWhatTheReaderSeesWithThePunctuationInPlace() {
        assertEquals("Reset Open Settings, choose Reset password. the guide and run reset --all Then sign in.",
                ArticleMarkdown.plainText("# Reset\n\nOpen **Settings**, choose *Reset password*.\n"
                        + "[the guide](https://example.com/x) and run `reset --all`\n\n- Then sign in.\n\n"
                        + "<script>alert(1)</script>"));
    }
}
