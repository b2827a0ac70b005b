package io.tierline.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The customer's pages in headless Chromium against the whole local system: filing through the form (with a
 * validation error first), hostile ticket text staying inert, replying, asking for escalation, and rating the
 * outcome after an agent resolved the ticket. Screenshots: {@code target/screenshots/<test>/}.
 */
class CustomerPagesBrowserTest extends PageTest {

    /** Fills the support form as a customer would and sends it; the next page is the confirmation or the errors. */
    void fillAndSend(String email, String subject, String description, String step) {
        browser.type(By.id("requester-name"), "Ada Lovelace");
        browser.type(By.id("requester-email"), email);
        browser.type(By.id("subject"), subject);
        browser.type(By.id("description"), description);
        browser.await(By.cssSelector("#urgency option[value=high]")).click();
        browser.clickAndAwaitPage(By.cssSelector("form[action='/tickets'] button[type=submit]"), step);
    }

    /** Files a ticket through the form and answers its id, with the browser on the status page. */
    String fileThroughTheForm(String subject, String description) {
        browser.open("/", "form");
        fillAndSend("ada@example.com", subject, description, "confirmation");
        String id = browser.text(By.id("reference"));
        browser.clickAndAwaitPage(By.id("status-link"), "status");
        return id;
    }

    @Test
    void aCustomerFilesThroughTheFormAfterCorrectingAnInvalidEmail() {
        browser.open("/", "support-form");
        assertEquals("Contact support", browser.text(By.tagName("h1")));

        // "ada@example" passes the browser's own email check, so the server's validation answers
        fillAndSend("ada@example", "Refund for my March invoice", "I was charged twice.", "invalid-email");
        assertTrue(browser.driver().getTitle().startsWith("Error: "), browser.driver().getTitle());
        WebElement email = browser.await(By.id("requester-email"));
        assertEquals("true", email.getAttribute("aria-invalid"));
        assertTrue(email.getAttribute("aria-describedby").contains("requester-email-error"));
        assertEquals("Error: Email address must be a valid email address",
                browser.text(By.id("requester-email-error")).replaceAll("\\s+", " "));
        WebElement summaryLink = browser.await(By.cssSelector("#error-summary a[href='#requester-email']"));
        assertEquals("Email address must be a valid email address", summaryLink.getText());
        assertEquals("error-summary", browser.until("focus on the error summary", () ->
                browser.driver().switchTo().activeElement().getAttribute("id")), "the script moved focus there");
        assertEquals("Refund for my March invoice", browser.await(By.id("subject")).getAttribute("value"),
                "what was typed is kept");
        assertTrue(browser.driver().findElements(By.id("subject-error")).isEmpty(), "only the wrong field is marked");

        summaryLink.click(); // the summary leads to the field
        assertEquals("requester-email", browser.driver().switchTo().activeElement().getAttribute("id"));
        browser.type(By.id("requester-email"), "ada@example.com");
        browser.clickAndAwaitPage(By.cssSelector("form[action='/tickets'] button[type=submit]"), "confirmation");
        assertEquals("We have your request", browser.text(By.tagName("h1")));
        String id = browser.text(By.id("reference"));
        assertTrue(id.matches("[0-9A-Z]{26}"), id);
        assertTrue(browser.text(By.id("status-link")).contains("/status/" + id + "?token="));

        browser.clickAndAwaitPage(By.id("status-link"), "status-page");
        assertEquals("Your request " + id, browser.text(By.tagName("h1")));
        assertEquals("Refund for my March invoice", browser.text(By.id("subject")));
        assertTrue(List.of("Received", "Being worked on").contains(browser.text(By.id("status"))));
        assertTrue(browser.text(By.id("conversation")).contains("You sent your request."));
        assertTrue(browser.text(By.id("conversation")).contains(" UTC"));
    }

    @Test
    void aSuggestionAsTheCustomerTypesSolvesTheProblemWithoutATicket() throws Exception {
        // words no other test's ticket uses, so this article is suggested to nobody else
        String id = site.asAgent("sam", "POST", "/articles", """
                {"title":"Recalibrate the quantum flux capacitor","category":"lab",
                 "body":"Quantum flux capacitors drift; recalibrate them from the lab console."}""").get("id").asText();
        site.asAgent("sam", "POST", "/articles/" + id + "/publish", null);

        browser.open("/", "support-form");
        browser.type(By.id("subject"), "quantum flux capacitor drifts");
        WebElement suggestion = browser.await(By.cssSelector("#kb-suggestions a[href='/help/articles/" + id + "']"));
        assertEquals("Recalibrate the quantum flux capacitor", suggestion.getText());
        assertEquals("polite", browser.await(By.id("kb-suggestions")).getAttribute("aria-live"));
        assertNothingInjected("suggestions");
        browser.clickAndAwaitPage(By.cssSelector("#kb-suggestions button[value='" + id + "']"), "solved");
        assertEquals("Glad it helped", browser.text(By.tagName("h1")));
        assertTrue(browser.text(By.id("solved")).contains("did not file a request"), browser.text(By.id("solved")));
    }

    @Test
    void aHostileSubjectStaysInertText() {
        String subject = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        String description = "<b>bold?</b> <a href=javascript:alert(3)>click</a>";
        String id = fileThroughTheForm(subject, description);
        assertNothingInjected("status page");
        assertEquals(subject, browser.text(By.id("subject")), "shown literally");
        assertEquals(description, browser.text(By.id("description")));

        browser.open("/status/" + id + "?token=" + tokenInUrl() + "&new=1", "confirmation-again");
        assertNothingInjected("confirmation");
        assertTrue(browser.text(By.tagName("main")).contains(subject));
    }

    /** No dialog opened, no element came from ticket text, and the only script is the page's own file. */
    void assertNothingInjected(String page) {
        assertEquals(Optional.empty(), browser.openDialog(), "no alert on the " + page);
        assertTrue(browser.driver().findElements(By.tagName("img")).isEmpty(), "no injected img on the " + page);
        assertTrue(browser.driver().findElements(By.tagName("b")).isEmpty(), "no injected markup on the " + page);
        assertTrue(browser.driver().findElements(By.cssSelector("a[href^=javascript]")).isEmpty());
        List<WebElement> scripts = browser.driver().findElements(By.tagName("script"));
        assertEquals(1, scripts.size(), "only the page's own script on the " + page);
        assertTrue(scripts.get(0).getAttribute("src").endsWith("/assets/tierline.js"));
    }

    String tokenInUrl() {
        String url = browser.driver().getCurrentUrl();
        return url.replaceAll(".*[?&]token=([^&#]+).*", "$1");
    }

    @Test
    void theCustomerRepliesAsksForEscalationAndRatesTheSolvedTicket() throws Exception {
        String id = fileThroughTheForm("Refund for my last invoice", "Charged twice in May.");
        site.awaitTicket(id, t -> "open".equals(t.get("status").asText()), "triaged");

        browser.type(By.id("body"), "The invoice number is INV-2231.");
        browser.clickAndAwaitPage(By.cssSelector("#reply-form button"), "replied");
        assertEquals("Your reply was sent. We will answer here.", browser.text(By.id("notice")));
        assertTrue(browser.text(By.id("conversation")).contains("The invoice number is INV-2231."));

        browser.type(By.id("reason"), "I need the refund before the month ends.");
        browser.clickAndAwaitPage(By.cssSelector("#escalation-form button"), "escalation-requested");
        assertTrue(browser.text(By.id("notice")).startsWith("We have your request for escalation."));
        assertTrue(browser.text(By.id("conversation")).contains("You asked for escalation."));

        site.asAgent("alice", "POST", "/tickets/" + id + "/resolution",
                "{\"note\":\"We refunded the second charge.\"}");
        browser.open(browser.driver().getCurrentUrl().replaceAll("&done=[^#]*", "").replaceAll("#.*", ""),
                "solved");
        assertEquals("Solved", browser.text(By.id("status")));
        assertEquals("We refunded the second charge.", browser.text(By.id("resolution")));

        browser.await(By.cssSelector("label[for='rating-4']")).click();
        browser.type(By.id("comment"), "Quick and kind, thank you.");
        browser.screenshot("rating-filled");
        browser.clickAndAwaitPage(By.cssSelector("#rating-form button"), "rated");
        assertEquals("Thank you for rating our help.", browser.text(By.id("notice")));
        assertTrue(browser.text(By.id("current-rating")).startsWith("You rated our help 4 of 5"));
        assertTrue(browser.await(By.id("rating-4")).isSelected(), "the rating given is preselected");

        JsonNode stored = site.asAgent("alice", "GET", "/tickets/" + id, null);
        assertEquals(4, stored.at("/satisfaction/rating").asInt(), stored.toString());
        assertEquals("Quick and kind, thank you.", stored.at("/satisfaction/comment").asText());
    }
}
