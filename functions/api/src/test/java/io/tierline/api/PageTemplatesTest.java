package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.api.CustomerTicketView.Asked;
import io.tierline.api.CustomerTicketView.Dates;
import io.tierline.api.CustomerTicketView.Standing;
import io.tierline.core.json.Json;
import io.tierline.core.ticket.Satisfaction;
import io.tierline.core.validation.FieldError;
import io.tierline.local.testing.LocalAwsTestResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The page templates escape whatever a ticket holds, and render when the optional parts of a ticket are missing. */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class PageTemplatesTest {
    static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> \"quoted\" & 'single'";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; "
            + "&quot;quoted&quot; &amp; &#39;single&#39;";
    static final Instant FILED = Instant.parse("2025-11-21T09:15:00Z");

    static CustomerTicketView.Entry entry(String from, String type, String body, String reason) {
        return new CustomerTicketView.Entry(FILED.plusSeconds(60), from, type, body, reason, null);
    }

    static int count(String html, String text) {
        return html.split(Pattern.quote(text), -1).length - 1;
    }

    /** Nothing of the hostile text became markup: our one script element, no img, no attribute broken open. */
    static void assertInert(String html) {
        assertEquals(1, count(html, "<script"), "only the page's own script element");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("\"quoted\""), "no quote left raw to close an attribute");
        assertFalse(html.contains("'single'"));
    }

    @Test
    void hostileTextIsShownEscapedInEveryPlaceOfTheStatusPage() {
        var view = new CustomerTicketView("01JHOSTILE0000000000000000", new Asked(HOSTILE, HOSTILE),
                new Standing("solved", HOSTILE, null, new Satisfaction(3, HOSTILE, FILED.plusSeconds(600)), false),
                new Dates(FILED, FILED.plusSeconds(600)), List.of(
                entry("support", "replied", HOSTILE, null),
                entry("you", "customer-replied", HOSTILE, null),
                entry("support", "customer-updated", HOSTILE, null),
                entry("you", "escalation-requested", null, HOSTILE),
                entry("you", "reopened", null, HOSTILE),
                entry("support", "resolved", HOSTILE, null),
                entry("you", "satisfaction-rated", HOSTILE, HOSTILE)));
        String html = StatusPage.render(view, "t", null, null);
        assertInert(html);
        // subject, description, resolution, 8 texts of the conversation, the kept rating comment
        assertEquals(12, count(html, ESCAPED), html);
        assertTrue(html.contains("<h3 id=\"subject\" class=\"subject\">" + ESCAPED + "</h3>"));
        assertTrue(html.contains("<p>You rated our help: " + ESCAPED + ".</p><p class=\"text\">" + ESCAPED));
        assertTrue(html.contains("rows=\"4\">" + ESCAPED + "</textarea>"), "the current comment, in its field");

        // typed back into the reply form after a refused post, with the refusal and an unplaced problem
        ObjectNode typed = Json.MAPPER.createObjectNode().put("body", HOSTILE);
        String refused = StatusPage.render(new CustomerTicketView("01JHOSTILE0000000000000000", new Asked("s", "d"),
                Standing.of("open"), new Dates(FILED, FILED), List.of()), "tok&en", null, new StatusPage.Attempt(
                StatusPage.Form.REPLY, typed, List.of(new FieldError("body", "is wrong"),
                new FieldError("$", HOSTILE)), null));
        assertInert(refused);
        assertTrue(refused.contains("aria-describedby=\"body-error\">" + ESCAPED + "</textarea>"), refused);
        assertTrue(refused.contains("<li>" + ESCAPED + "</li>"), "the problem no field owns");
        assertTrue(refused.contains("<title>Error: Your request"));
        String conflict = StatusPage.render(new CustomerTicketView("01JHOSTILE0000000000000000", new Asked("s", "d"),
                Standing.of("open"), new Dates(FILED, FILED), List.of()), "t", null, new StatusPage.Attempt(
                StatusPage.Form.RATING, typed, List.of(), HOSTILE));
        assertInert(conflict);
        assertTrue(conflict.contains("<h2>That did not work</h2><p>" + ESCAPED + "</p>"), conflict);
    }

    @Test
    void theSupportFormShowsWhatWasTypedEscapedInItsFields() {
        ObjectNode typed = Json.MAPPER.createObjectNode().put("subject", HOSTILE).put("description", HOSTILE)
                .put("impact", HOSTILE);
        typed.putObject("requester").put("name", HOSTILE).put("email", HOSTILE);
        String html = Pages.supportForm(typed, List.of(new FieldError("requester.email", "must be " + HOSTILE)),
                HOSTILE);
        assertInert(html);
        assertTrue(html.contains("autocomplete=\"name\" value=\"" + ESCAPED + "\">"), html);
        assertTrue(html.contains("autocomplete=\"off\" value=\"" + ESCAPED + "\""), "the subject");
        assertTrue(html.contains(">" + ESCAPED + "</textarea>"), "the description");
        assertTrue(html.contains("<input type=\"hidden\" name=\"idempotencyKey\" value=\"" + ESCAPED + "\">"));
        assertTrue(html.contains("<a href=\"#requester-email\">Email address must be " + ESCAPED + "</a>"));
        assertTrue(html.contains("</span>Email address must be " + ESCAPED + "</p>"), "beside the field");
        String impact = html.substring(html.indexOf("<select id=\"impact\""));
        assertFalse(impact.substring(0, impact.indexOf("</select>")).contains(" selected"),
                "a value that is no option selects none");
        assertTrue(Pages.confirmation(new CustomerTicketView("01JHOSTILE0000000000000000", new Asked(HOSTILE, "d"),
                Standing.of("new"), new Dates(FILED, FILED), List.of()), "/status/x?token=a", HOSTILE)
                .contains("<q>" + ESCAPED + "</q>"));
    }

    @Test
    void aTicketWithoutItsOptionalPartsStillRendersAWholePage() {
        var bare = new CustomerTicketView("01JBARE0000000000000000000", new Asked("Subject", null),
                Standing.of("new"), new Dates(FILED, null),
                List.of(new CustomerTicketView.Entry(null, "support", "status-changed", null, null, null),
                        new CustomerTicketView.Entry(FILED, "support", "replied", null, null, null)));
        String html = StatusPage.render(bare, "t", null, null);
        assertTrue(html.strip().endsWith("</main>\n</body>\n</html>"), html);
        assertFalse(html.contains("null"), "a missing part shows nothing, not the word: " + html);
        assertTrue(html.contains("<p class=\"text\" id=\"description\"></p>"), html);
        assertTrue(html.contains("<dt>Last change</dt><dd></dd>"), "no time, no time element");
        assertFalse(html.contains("Status changed to"), "a status change without a status says nothing");
        assertEquals(1, count(html, "<li class=\"entry"), "an answer without text keeps its place and time only");
        for (String absent : List.of("id=\"notice\"", "error-summary", "latest-update", "How we solved it",
                "merged into", "rating-form", "current-rating", "<title>Error")) {
            assertFalse(html.contains(absent), absent);
        }
        assertTrue(html.contains("id=\"reply-form\"") && html.contains("id=\"escalation-form\""));

        var solvedUnrated = new CustomerTicketView("01JBARE0000000000000000000", new Asked("S", "D"),
                Standing.of("solved"), new Dates(FILED, FILED), List.of());
        String solved = StatusPage.render(solvedUnrated, "t", null, null);
        assertTrue(solved.contains("id=\"rating-form\""));
        assertFalse(solved.contains("current-rating"), "not rated yet");
        assertFalse(solved.contains(" checked"), "no rating preselected");
        assertFalse(solved.contains("How we solved it"), "no resolution note given");

        var merged = new CustomerTicketView("01JBARE0000000000000000000", new Asked("S", "D"),
                new Standing("closed", null, "01JOTHER000000000000000000", null, false),
                new Dates(FILED, FILED), List.of());
        String closed = StatusPage.render(merged, "t", null, null);
        assertFalse(closed.contains("<form"), "a closed, merged request offers no form");
        assertTrue(closed.contains("merged into request <span class=\"ref\">01JOTHER000000000000000000</span>"));
    }

    /** Escaping is Qute's default for .html templates; nothing may opt out of it. */
    @Test
    void noTemplateOutputsUnescapedText() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            templates = files.filter(Files::isRegularFile).toList();
        }
        assertTrue(templates.size() > 10, templates.toString());
        Pattern raw = Pattern.compile("\\.(raw|safe)\\b|\\|\\s*raw|\\{#unescaped");
        for (Path template : templates) {
            assertTrue(template.toString().endsWith(".html"), template + ": only .html templates are escaped");
            assertFalse(raw.matcher(Files.readString(template)).find(), template + " outputs unescaped text");
        }
        assertFalse(Files.readString(Path.of("src/main/resources/application.properties"))
                .contains("quarkus.qute.escape-content-types"), "escaping stays on for text/html");
        // the one value printed as is: an article's Markdown after the knowledge base's safe renderer
        List<Path> rawStrings;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            rawStrings = files.filter(Files::isRegularFile).filter(p -> {
                try {
                    return Files.readString(p).contains("new RawString(");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(Path.of("src/main/java/io/tierline/api/HelpArticleModel.java")), rawStrings);
        assertTrue(Files.readString(rawStrings.get(0)).contains("new RawString(ArticleMarkdown.html("),
                "only the safe Markdown renderer's output is printed as is");
    }
}
