package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.api.CustomerTicketView.Asked;
import io.tierline.api.CustomerTicketView.Dates;
import io.tierline.api.CustomerTicketView.Standing;
import io.tierline.local.testing.LocalAwsTestResource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status page's rendering of what the escalation engine tells the customer, without a request. */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class StatusPageTest {
    static final Instant FILED = Instant.parse("2025-11-21T09:15:00Z");

    static CustomerTicketView ticket(List<CustomerTicketView.Entry> conversation) {
        return ticket("open", null, conversation);
    }

    static CustomerTicketView ticket(String status, String resolution, List<CustomerTicketView.Entry> conversation) {
        return new CustomerTicketView("01JCUSTOMERPAGES0000000000", new Asked("Invoice <b>twice</b>", "Charged twice"),
                new Standing(status, resolution, null, null, false),
                new Dates(FILED, FILED.plusSeconds(3600)), conversation);
    }

    static final CustomerTicketView.Entry PROMISE = new CustomerTicketView.Entry(FILED.plusSeconds(600), "support",
            "customer-updated", "Your request is now with our billing specialists (tier 2). We expect to answer by "
            + "Thu 3 Dec, 10:30 UTC.", null, null);

    @Test
    void anUpdatePromisingAnAnswerIsHeadlinedOnlyWhileTheTicketStillWaitsForThatAnswer() {
        var solved = new CustomerTicketView.Entry(FILED.plusSeconds(1200), "support", "resolved", "Refunded.", null,
                "solved");
        String page = StatusPage.render(ticket("solved", "Refunded.", List.of(PROMISE, solved)), "t", null, null);
        assertFalse(page.contains("id=\"latest-update\""), "a solved ticket promises no answer");
        assertTrue(page.contains("We expect to answer by Thu 3 Dec"), "the update stays in the conversation");
        assertTrue(page.contains("How we solved it"));

        for (String status : List.of("pending", "closed")) {
            assertFalse(StatusPage.render(ticket(status, null, List.of(PROMISE)), "t", null, null)
                    .contains("id=\"latest-update\""), status);
        }
        var answered = new CustomerTicketView.Entry(FILED.plusSeconds(1200), "support", "replied", "Done?", null,
                null);
        assertFalse(StatusPage.render(ticket("open", null, List.of(PROMISE, answered)), "t", null, null)
                .contains("id=\"latest-update\""), "support answered what the update promised");
        var yours = new CustomerTicketView.Entry(FILED.plusSeconds(1200), "you", "customer-replied", "Any news?",
                null, null);
        assertTrue(StatusPage.render(ticket("open", null, List.of(PROMISE, yours)), "t", null, null)
                .contains("id=\"latest-update\""), "the customer's own reply answers nothing");
    }

    @Test
    void theLatestEscalationUpdateIsShownFirstInPlainWordsWithItsTime() {
        var update1 = new CustomerTicketView.Entry(FILED.plusSeconds(600), "support", "customer-updated",
                "Your request is now with our billing team (tier 1).", null, null);
        var asked = new CustomerTicketView.Entry(FILED.plusSeconds(1200), "you", "escalation-requested", null,
                "No answer <script>alert(1)</script>", null);
        var update2 = new CustomerTicketView.Entry(FILED.plusSeconds(1800), "support", "customer-updated",
                "Your request is now with our billing specialists (tier 2). We expect to answer by Mon 24 Nov, "
                        + "10:30 UTC.", null, null);
        String html = StatusPage.render(ticket(List.of(update1, asked, update2)), "tok&en", null, null);

        int panel = html.indexOf("id=\"latest-update\"");
        int summary = html.indexOf("id=\"status-title\"");
        assertTrue(panel > 0 && panel < summary, "the update comes before everything else");
        String latest = html.substring(panel, summary);
        assertTrue(latest.contains("billing specialists (tier 2). We expect to answer by Mon 24 Nov, 10:30 UTC."));
        assertFalse(latest.contains("(tier 1)"), "only the latest one is headlined");
        assertTrue(latest.contains("<time datetime=\"2025-11-21T09:45:00Z\">Fri 21 Nov 2025, 09:45 UTC</time>"));
        assertTrue(html.contains("(tier 1)"), "earlier updates stay in the conversation");
        assertTrue(html.contains("You asked for escalation.</p><p class=\"text\">No answer &lt;script&gt;"));
        assertTrue(html.contains("Invoice &lt;b&gt;twice&lt;/b&gt;"));
        assertTrue(html.contains("/replies?token=tok%26en\""), "the token is encoded into the form's action");
    }

    @Test
    void statusesAndTimesAreSaidInWords() {
        assertEquals("Waiting for your reply", PlainWords.status("pending"));
        assertEquals("Mon 24 Nov 2025, 10:30 UTC",
                PlainWords.time(Instant.parse("2025-11-24T10:30:00Z"), StatusPage.ZONE));
        String page = StatusPage.render(ticket(List.of()), "t", StatusPage.Done.RATED, null);
        assertTrue(page.contains("<div class=\"notice\" id=\"notice\" role=\"status\" tabindex=\"-1\">"));
        assertFalse(page.contains("id=\"latest-update\""), "no update, no panel");
    }
}
