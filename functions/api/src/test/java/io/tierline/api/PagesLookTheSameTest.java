package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every customer page, rendered from the templates, holds the same markup as when pages were concatenated by hand
 * (kept in {@code src/test/resources/pages-golden/}, written by the old renderer for the same models): ticket text
 * in every place it can appear, hostile text included, every kind of conversation entry, each form refused.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class PagesLookTheSameTest {
    static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> \"quoted\" & 'single'";
    static final Instant FILED = Instant.parse("2025-11-21T09:15:00Z");
    static final Path GOLDEN = Path.of("src/test/resources/pages-golden");

    static CustomerTicketView.Entry entry(long minutes, String from, String type, String body, String reason,
                                          String status) {
        return new CustomerTicketView.Entry(FILED.plusSeconds(60 * minutes), from, type, body, reason, status);
    }

    static List<CustomerTicketView.Entry> everyKindOfEntry() {
        return List.of(entry(0, "you", "created", null, null, "new"),
                entry(1, "support", "status-changed", null, null, "open"),
                entry(2, "support", "status-changed", null, null, null),
                entry(3, "support", "replied", HOSTILE, null, null),
                entry(4, "you", "customer-replied", "Line one\nline <two> & 'three'", null, null),
                entry(5, "you", "escalation-requested", null, HOSTILE, null),
                entry(6, "support", "customer-updated", "Now with our " + HOSTILE + " team.", null, null),
                entry(7, "support", "replied", null, null, null),
                entry(8, "support", "something-else", null, null, null),
                entry(9, "support", "something-else", "Other " + HOSTILE, null, null),
                entry(10, "support", "resolved", "Refunded " + HOSTILE, null, "solved"),
                entry(11, "you", "reopened", null, HOSTILE, "open"),
                entry(12, "you", "satisfaction-rated", HOSTILE, "4", null),
                entry(13, "support", "resolved", null, null, "solved"));
    }

    static CustomerTicketView view(String status, String resolution, String mergedInto, Satisfaction satisfaction,
                                   List<CustomerTicketView.Entry> conversation) {
        return new CustomerTicketView("01JGOLDEN00000000000000000",
                new Asked("Subject " + HOSTILE, "Description\n" + HOSTILE),
                new Standing(status, resolution, mergedInto, satisfaction, false),
                new Dates(FILED, FILED.plusSeconds(3600)), conversation);
    }

    static Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("support-form", Pages.supportForm(null, List.of(), null));
        ObjectNode typed = Json.MAPPER.createObjectNode().put("subject", HOSTILE).put("description", HOSTILE)
                .put("impact", "high").put("urgency", HOSTILE);
        typed.putObject("requester").put("email", HOSTILE);
        pages.put("support-form-refused", Pages.supportForm(typed, List.of(new FieldError("requester", "is required"),
                new FieldError("requester.email", "must be a valid email address"),
                new FieldError("$", "is not " + HOSTILE), new FieldError("extra", "is not allowed " + HOSTILE)),
                "form-key-" + HOSTILE));
        pages.put("support-form-kept", Pages.supportForm(typed, List.of(), "form-key"));
        pages.put("confirmation", Pages.confirmation(view("new", null, null, null, List.of()),
                "/status/01JGOLDEN00000000000000000?token=a%26b", "https://example.com/status/x?token=a%26b&\"<"));
        pages.put("not-found", Pages.notFound());

        List<CustomerTicketView.Entry> all = everyKindOfEntry();
        pages.put("status-open", StatusPage.render(view("open", null, null, null, all.subList(0, 10)), "tok&en\"<",
                StatusPage.Done.REPLIED, null));
        pages.put("status-bare", StatusPage.render(view("pending", null, null, null, List.of()), "t", null, null));
        for (StatusPage.Done done : StatusPage.Done.values()) {
            pages.put("status-done-" + done.code, StatusPage.render(view("new", null, null, null, List.of()), "t",
                    done, null));
        }
        pages.put("status-solved", StatusPage.render(view("solved", "Refunded " + HOSTILE, null, null, all), "t",
                null, null));
        Satisfaction rated = new Satisfaction(4, HOSTILE, FILED.plusSeconds(7200));
        pages.put("status-closed-rated", StatusPage.render(view("closed", "Done", null, rated, all), "t", null, null));
        pages.put("status-solved-rated-no-comment", StatusPage.render(view("solved", "Done", null,
                new Satisfaction(2, null, FILED.plusSeconds(7200)), all), "t", null, null));
        pages.put("status-merged", StatusPage.render(view("closed", null, "01JINTO" + HOSTILE, null, all), "t", null,
                null));
        pages.put("status-on-hold", StatusPage.render(view("on-hold", null, null, null, all.subList(0, 7)), "t", null,
                null));
        ObjectNode reply = Json.MAPPER.createObjectNode().put("body", HOSTILE).put("idempotencyKey", "k");
        pages.put("status-reply-refused", StatusPage.render(view("open", null, null, null, all.subList(0, 3)), "t",
                null, new StatusPage.Attempt(StatusPage.Form.REPLY, reply,
                        List.of(new FieldError("body", "is too long " + HOSTILE), new FieldError("$", HOSTILE)), null)));
        ObjectNode reason = Json.MAPPER.createObjectNode().put("reason", HOSTILE);
        pages.put("status-escalation-refused", StatusPage.render(view("open", null, null, null, List.of()), "t",
                null, new StatusPage.Attempt(StatusPage.Form.ESCALATION, reason,
                        List.of(new FieldError("reason", "is too long")), null)));
        ObjectNode rating = Json.MAPPER.createObjectNode().put("rating", "7").put("comment", HOSTILE);
        pages.put("status-rating-invalid", StatusPage.render(view("solved", "Done", null, rated, all), "t", null,
                new StatusPage.Attempt(StatusPage.Form.RATING, rating,
                        List.of(new FieldError("rating", "must be a whole number from 1 to 5")), null)));
        pages.put("status-rating-refused", StatusPage.render(view("open", null, null, null, List.of()), "t", null,
                new StatusPage.Attempt(StatusPage.Form.RATING, rating, List.of(), "Not yet " + HOSTILE)));
        return pages;
    }

    /**
     * The random per-page form keys differ on every rendering; the templates put line breaks between block elements
     * where the old concatenation put none (no difference to a browser; inline runs stay on one line).
     */
    static String normalised(String html) {
        return html.strip().replaceAll("form-[0-9a-f]{32}", "form-random").replaceAll(">[ \\t]*\\n\\s*<", "><");
    }

    @Test
    void everyPageIsRenderedAsBeforeTheTemplates() throws IOException {
        Map<String, String> pages = pages();
        assertEquals(21, pages.size());
        Path rendered = Files.createDirectories(Path.of("target/pages-rendered")); // to look at when one differs
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Files.writeString(rendered.resolve(page.getKey() + ".html"), page.getValue(), StandardCharsets.UTF_8);
            String before = Files.readString(GOLDEN.resolve(page.getKey() + ".html"), StandardCharsets.UTF_8);
            assertEquals(before, normalised(page.getValue()), page.getKey());
        }
    }
}
