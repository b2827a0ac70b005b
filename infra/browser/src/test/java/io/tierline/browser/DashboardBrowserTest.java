package io.tierline.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The agents' and supervisors' dashboard in headless Chromium against the whole local system: the flow from
 * the customer's form through an agent's hierarchical escalation to the customer's status page, acknowledging,
 * an agent's functional escalation approved by the supervisor, the supervisor view and its chart, and hostile ticket
 * text staying inert. Screenshots of every page state: {@code target/screenshots/<test>/}.
 */
class DashboardBrowserTest extends PageTest {
    static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    static By testid(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    // ------------------------------------------------------------------------------------------ steps

    /** Opens the dashboard, signs in with a demo user's button and waits for the signed-in header. */
    void signIn(String user, String role) {
        browser.open("/dashboard", "sign-in");
        signInOnThePage(user, role);
    }

    void signInOnThePage(String user, String role) {
        browser.await(testid("signin-as-" + user)).click();
        browser.until("signed in as " + user, () -> browser.driver().findElement(testid("current-user")).getText()
                .equals(user + " (" + role + ")"));
        // the page goes back to where it was (a ticket), else to the queues
        browser.until("a view after signing in", () -> !browser.driver().findElements(
                By.cssSelector("[data-testid='queue-table'], [data-testid='ticket-subject']")).isEmpty());
        browser.screenshot("signed-in-as-" + user);
    }

    void signOutAndSignInAs(String user, String role) {
        browser.await(testid("signout")).click();
        browser.await(testid("signin-as-" + user));
        browser.screenshot("signed-out");
        signInOnThePage(user, role);
    }

    static By queueRow(String id) {
        return By.cssSelector("[data-testid='queue-row'][data-ticket-id='" + id + "']");
    }

    /**
     * Shows the team's queue and polls it (the refresh button, about once a second) until the ticket is listed
     * with its countdown ticking. The list redraws on every load, so callers find the row again when they use it.
     */
    void awaitQueueRow(String team, String id) {
        new Select(browser.await(testid("queue-team"))).selectByValue(team);
        int[] polls = {0};
        browser.until("ticket " + id + " in the " + team + " queue with its countdown", () -> {
            try {
                List<WebElement> rows = browser.driver().findElements(queueRow(id));
                if (rows.isEmpty() && ++polls[0] % 10 == 0) {
                    browser.driver().findElement(testid("queue-refresh")).click(); // triage runs asynchronously
                }
                return !rows.isEmpty() && !rows.get(0).findElement(testid("countdown")).getText().isEmpty();
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
        browser.screenshot("queue-" + team);
    }

    /** Opens the ticket page by its address and waits for it to show that ticket. */
    void openTicket(String id, String step) {
        browser.open("/dashboard#/ticket/" + id, step + "-opening");
        awaitTicketPage(id, step);
    }

    void awaitTicketPage(String id, String step) {
        browser.until("the ticket page of " + id, () -> browser.driver().findElements(testid("ticket-id")).stream()
                .anyMatch(e -> e.getText().startsWith(id)));
        browser.screenshot(step);
    }

    /**
     * Clicks an action's button and waits until the page shows the updated ticket ("Done: name"); fails with the
     * server's problem if the action's error output shows one instead.
     */
    void act(String name, By button, String step) {
        WebElement before = browser.await(testid("ticket-subject"));
        browser.await(button).click();
        browser.until("the " + name + " action to finish", () -> {
            try {
                List<WebElement> errors = browser.driver().findElements(testid("action-" + name + "-error"));
                if (!errors.isEmpty() && errors.get(0).isDisplayed()) {
                    browser.screenshot(step + "-refused");
                    throw new AssertionError(name + " was refused: " + errors.get(0).getText());
                }
                before.isDisplayed();
                return false;
            } catch (StaleElementReferenceException redrawn) {
                return browser.driver().findElements(testid("action-done")).stream()
                        .anyMatch(e -> e.getText().equals("Done: " + name));
            }
        });
        screenshotOf(testid("action-done"), step);
    }

    /** Scrolls an element into view (the page is taller than the window) and saves a screenshot. */
    void screenshotOf(By element, String step) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.await(element));
        browser.screenshot(step);
    }

    /** The trail's escalation details, newest last, as "kind | reason | route". */
    List<String> escalationsOnTheTimeline() {
        return browser.driver().findElements(testid("timeline-escalation")).stream().map(e -> {
            WebElement event = e.findElement(By.xpath("ancestor::li[1]"));
            String classes = event.getAttribute("class");
            assertTrue(classes.contains("escalation"), "highlighted: " + classes);
            return e.findElement(testid("escalation-kind")).getText() + " | "
                    + e.findElement(testid("escalation-reason")).getText() + " | "
                    + e.findElement(testid("escalation-route")).getText();
        }).toList();
    }

    String fileTriagedTicket(String subject, String description) throws Exception {
        String id = site.fileTicket(subject, description).get("id").asText();
        site.awaitTicket(id, t -> "billing".equals(t.path("team").asText()) && "open".equals(t.path("status").asText()),
                "triaged to billing");
        return id;
    }

    // ------------------------------------------------------------------------------------------ tests

    @Test
    void aCustomersTicketIsEscalatedToTheManagerAndTheStatusPageSaysSo() {
        browser.open("/", "support-form");
        browser.type(By.id("requester-name"), "Grace Hopper");
        browser.type(By.id("requester-email"), "grace@example.com");
        browser.type(By.id("subject"), "Refund for a duplicate invoice");
        browser.type(By.id("description"), "Invoice INV-77 was charged twice; I need a refund above the usual limit.");
        browser.clickAndAwaitPage(By.cssSelector("form[action='/tickets'] button[type=submit]"), "confirmation");
        String id = browser.text(By.id("reference"));
        String statusLink = browser.await(By.id("status-link")).getAttribute("href");
        assertTrue(statusLink.contains("/status/" + id + "?token="), statusLink);

        signIn("alice", "agent");
        awaitQueueRow("billing", id);
        browser.await(queueRow(id)).findElement(By.cssSelector("td.subject a")).click();
        awaitTicketPage(id, "ticket");
        assertEquals("Refund for a duplicate invoice", browser.text(testid("ticket-subject")));
        assertEquals("billing", browser.text(testid("ticket-team")));
        assertFalse(browser.driver().findElements(testid("sla-bar")).isEmpty(), "the SLA clocks show as bars");

        new Select(browser.await(testid("escalate-kind"))).selectByValue("hierarchical");
        new Select(browser.await(testid("escalate-reason"))).selectByValue("limited-authority");
        browser.type(testid("escalate-comment"), "A refund this large needs a manager's sign-off.");
        new Select(browser.await(testid("escalate-to"))).selectByValue("manager");
        browser.screenshot("escalation-filled");
        act("escalate", testid("escalate-submit"), "escalated");

        List<String> escalations = escalationsOnTheTimeline();
        assertEquals(1, escalations.size(), escalations.toString());
        String[] parts = escalations.get(0).split(" \\| ");
        assertEquals("hierarchical", parts[0]);
        assertEquals("limited-authority", parts[1]);
        assertEquals("→ ada", parts[2], "routed to the manager, nothing else moved");
        screenshotOf(testid("timeline-escalation"), "timeline-escalation");
        String timeline = browser.text(testid("timeline"));
        String comment = "A refund this large needs a manager's sign-off.";
        assertEquals(timeline.indexOf(comment), timeline.lastIndexOf(comment), "the comment shows once: " + timeline);
        assertTrue(browser.text(testid("timeline-escalation")).contains(comment), "in the highlighted detail");

        browser.open(statusLink, "status-page");
        String update = browser.text(By.id("latest-update"));
        assertTrue(update.contains("A senior member of our billing team is now overseeing your request."), update);
    }

    @Test
    void aSupervisorAcknowledgesOnceAndASecondAcknowledgementIsRefusedBesideTheAction() throws Exception {
        String id = fileTriagedTicket("Invoice address is wrong", "Please correct the address on my invoice.");
        site.asAgent("alice", "POST", "/tickets/" + id + "/escalations",
                "{\"kind\":\"hierarchical\",\"reason\":\"limited_authority\",\"comment\":\"Over my limit.\","
                        + "\"to\":\"supervisor\"}");

        signIn("sam", "supervisor");
        openTicket(id, "escalated-ticket");
        assertTrue(browser.driver().findElements(testid("ticket-acknowledged")).isEmpty(), "not acknowledged yet");
        act("acknowledge", testid("acknowledge-submit"), "acknowledged");
        assertTrue(browser.text(testid("ticket-acknowledged")).startsWith("sam, "),
                browser.text(testid("ticket-acknowledged")));
        assertEquals(1, browser.driver().findElements(
                By.cssSelector("[data-testid='timeline-event'][data-type='acknowledged']")).size(),
                "the acknowledgement is on the timeline");

        browser.await(testid("acknowledge-submit")).click();
        WebElement error = browser.until("the refusal beside the action", () -> {
            WebElement e = browser.driver().findElement(testid("action-acknowledge-error"));
            return e.isDisplayed() ? e : null;
        });
        screenshotOf(testid("action-acknowledge-error"), "second-acknowledgement-refused");
        assertTrue(error.getText().contains("already acknowledged by sam"), error.getText());
        WebElement form = browser.await(testid("action-acknowledge"));
        assertEquals("action-acknowledge-error", form.getAttribute("aria-describedby"), "tied to its form");
        assertEquals(1, form.findElements(testid("action-acknowledge-error")).size(), "shown inside the action");
    }

    @Test
    void anAgentsFunctionalEscalationWaitsForTheSupervisorsApproval() throws Exception {
        String id = fileTriagedTicket("Invoice export fails", "Exporting my invoice as PDF fails with an error.");

        signIn("alice", "agent");
        openTicket(id, "ticket");
        assertEquals("1", browser.text(testid("ticket-tier")));
        new Select(browser.await(testid("escalate-reason"))).selectByValue("limited-knowledge");
        browser.type(testid("escalate-comment"), "Needs someone who knows the PDF renderer.");
        new Select(browser.await(testid("escalate-tier"))).selectByValue("2");
        browser.screenshot("escalation-filled");
        act("escalate", testid("escalate-submit"), "pending");
        screenshotOf(testid("pending-transfer-waiting"), "pending-for-alice");
        String pending = browser.text(testid("pending-transfer"));
        assertTrue(pending.contains("tier 2") && pending.contains("requested by alice"), pending);
        assertTrue(browser.driver().findElements(testid("transfer-approve")).isEmpty(), "an agent cannot decide");
        assertTrue(browser.text(testid("pending-transfer-waiting")).contains("Waiting for a supervisor's approval."));
        assertTrue(escalationsOnTheTimeline().isEmpty(), "nothing escalated before the approval");
        assertEquals("1", browser.text(testid("ticket-tier")));

        signOutAndSignInAs("sam", "supervisor");
        openTicket(id, "pending-for-sam");
        act("transfer-decision", testid("transfer-approve"), "approved");
        assertEquals("2", browser.text(testid("ticket-tier")));
        assertTrue(browser.driver().findElements(testid("pending-transfer")).isEmpty(), "no longer pending");
        screenshotOf(testid("timeline-escalation"), "timeline-escalation");
        List<String> escalations = escalationsOnTheTimeline();
        assertEquals(1, escalations.size(), escalations.toString());
        String[] parts = escalations.get(0).split(" \\| ");
        assertEquals("functional", parts[0]);
        assertEquals("limited-knowledge", parts[1]);
        assertEquals("tier 1 → tier 2", parts[2]);
        assertTrue(browser.text(testid("timeline-escalation")).contains("decided by supervisor:sam"),
                browser.text(testid("timeline-escalation")));
    }

    /** The escalate form as it opens: functional, the next tier, the first reason; only a comment is typed. */
    @Test
    void theEscalateFormsDefaultsEscalateToTheNextTier() throws Exception {
        String id = fileTriagedTicket("Invoice totals are off", "The totals on my invoice do not add up.");

        signIn("sam", "supervisor");
        openTicket(id, "ticket");
        assertEquals("1", browser.text(testid("ticket-tier")));
        assertEquals("next", new Select(browser.await(testid("escalate-tier"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals("response-time-exceeded", new Select(browser.await(testid("escalate-reason")))
                .getFirstSelectedOption().getAttribute("value"), "the API's own first reason");
        browser.type(testid("escalate-comment"), "Nobody in tier 1 could answer in time.");
        act("escalate", testid("escalate-submit"), "escalated-with-defaults");
        assertEquals("2", browser.text(testid("ticket-tier")));
        List<String> escalations = escalationsOnTheTimeline();
        assertEquals(List.of("functional | response-time-exceeded | tier 1 → tier 2"), escalations);
    }

    /** Reopen and merge, each with its error beside it, recorded in the role the supervisor acted in. */
    @Test
    void aSupervisorPublishesAnArticleAndAnAgentSolvesAMatchingTicketWithIt() throws Exception {
        signIn("sam", "supervisor");
        browser.open("/dashboard#/articles/new", "article-new");
        // no word that another test's form ticket uses: those customers would be shown this article before filing
        browser.type(testid("article-title"), "Toner smudges on printed pages");
        browser.type(testid("article-body"), "Clean the **fuser roller**, then print the page again.");
        browser.type(testid("article-category"), "billing");
        new Select(browser.await(testid("article-audience"))).selectByValue("public");
        browser.await(testid("article-save")).click();
        browser.until("the draft saved", () -> browser.text(testid("article-status-line")).contains("· draft ·"));
        String article = browser.text(testid("article-status-line")).split(" ")[0];
        browser.await(testid("article-publish")).click();
        browser.until("the article published", () -> browser.text(testid("article-status-line"))
                .contains("· published · version 2"));
        assertEquals("fuser roller", browser.await(testid("article-preview")).findElement(By.tagName("strong"))
                .getText());
        assertEquals(2, browser.driver().findElements(testid("article-revision")).size());
        screenshotOf(testid("article-form"), "article-published");

        String id = fileTriagedTicket("Toner smudges on my printed invoice", "The printed invoice has toner smudges.");
        browser.open("/dashboard#/queues", "back-to-queues");
        browser.await(testid("queue-table"));
        signOutAndSignInAs("alice", "agent");
        openTicket(id, "ticket-with-suggestions");
        By suggestion = By.cssSelector("[data-testid='suggested-article'][data-article-id='" + article + "']");
        browser.await(suggestion).findElement(testid("insert-link")).click();
        assertTrue(browser.await(testid("reply-body")).getAttribute("value")
                .endsWith("/help/articles/" + article), browser.await(testid("reply-body")).getAttribute("value"));
        browser.await(suggestion).findElement(testid("solved-with")).click();
        assertEquals(article, browser.await(testid("resolve-article")).getAttribute("value"));
        browser.type(testid("resolve-note"), "Cleaning the fuser roller fixes it.");
        act("resolve", testid("resolve-submit"), "solved-with-article");
        WebElement resolved = browser.await(By.cssSelector("[data-testid='timeline-event'][data-type='resolved']"));
        assertTrue(resolved.getText().contains("solvedWithArticle: — → " + article), resolved.getText());
    }

    /** Escalation reviews: a root cause's row opens the tickets behind it, and a ticket opens from there. */
    @Test
    void aSupervisorOpensTheTicketsBehindARootCauseFromTheReviews() throws Exception {
        String id = fileTriagedTicket("Invoice rounding is off by a cent", "Every invoice total is one cent off.");
        site.asAgent("sam", "POST", "/tickets/" + id + "/resolution",
                "{\"note\":\"Fixed the rounding.\",\"rootCause\":\"Product-Defect\"}");
        signIn("sam", "supervisor");
        browser.open("/dashboard#/supervisor", "supervisor-reviews");
        WebElement defects = browser.await(By.xpath(
                "//table[@data-testid='review-causes']//button[normalize-space()='product-defect']"));
        WebElement thisMonth = defects.findElement(By.xpath("ancestor::tr[1]//*[@data-testid='review-cause-trend']"
                + "/*[local-name()='rect'][last()]"));
        assertTrue(Integer.parseInt(thisMonth.getAttribute("data-value")) >= 1, "the trend's last month has it");
        assertFalse(browser.driver().findElements(testid("review-time-row")).isEmpty(), "time in team and tier");
        defects.click();
        By row = By.cssSelector("[data-testid='review-cause-tickets'] td.subject a[data-ticket-id='" + id + "']");
        WebElement link = browser.await(row);
        assertEquals("Invoice rounding is off by a cent", link.getText());
        screenshotOf(testid("review-cause-tickets"), "root-cause-tickets");
        link.click();
        awaitTicketPage(id, "ticket-from-root-cause");
    }

    @Test
    void aSupervisorReopensASolvedTicketAndMergesItIntoAnother() throws Exception {
        String id = fileTriagedTicket("Invoice PDF is blank", "The PDF of my invoice is an empty page.");
        String survivor = fileTriagedTicket("Blank invoice PDF again", "Same blank invoice PDF as before.");
        site.asAgent("alice", "POST", "/tickets/" + id + "/resolution", "{\"note\":\"Regenerated the PDF.\"}");

        signIn("sam", "supervisor");
        openTicket(id, "solved-ticket");
        browser.type(testid("reopen-reason"), "The customer still sees a blank page.");
        act("reopen", testid("reopen-submit"), "reopened");
        assertEquals("open", browser.text(testid("ticket-status")));
        assertTrue(browser.driver().findElements(testid("action-reopen")).isEmpty(), "only a solved ticket reopens");
        WebElement reopened = browser.await(By.cssSelector("[data-testid='timeline-event'][data-type='reopened']"));
        assertTrue(reopened.getText().contains("by supervisor:sam"), reopened.getText());

        browser.type(testid("merge-into"), "not-a-ticket");
        browser.await(testid("merge-submit")).click();
        WebElement error = browser.until("the refusal beside the merge", () -> {
            WebElement e = browser.driver().findElement(testid("action-merge-error"));
            return e.isDisplayed() ? e : null;
        });
        screenshotOf(testid("action-merge-error"), "merge-refused");
        assertTrue(error.getText().contains("into") && error.getText().contains("must be a ticket id"),
                error.getText());
        assertEquals(1, browser.await(testid("action-merge")).findElements(testid("action-merge-error")).size());

        browser.type(testid("merge-into"), survivor);
        browser.type(testid("merge-reason"), "Same blank PDF.");
        act("merge", testid("merge-submit"), "merged");
        assertEquals("closed", browser.text(testid("ticket-status")));
        assertEquals(survivor, browser.text(testid("ticket-merged-into")));
        assertTrue(browser.driver().findElements(testid("action-merge")).isEmpty(), "a closed ticket merges no more");
    }

    @Test
    void theSupervisorViewShowsLevelsLoadAndTodaysEscalationsAsAChart() throws Exception {
        String id = fileTriagedTicket("Invoice never arrived", "I did not get this month's invoice.");

        signIn("sam", "supervisor");
        openTicket(id, "ticket");
        browser.type(testid("next-level-comment"), "Customer waited all week.");
        act("next-level", testid("next-level-submit"), "next-level");
        assertTrue(browser.text(testid("ticket-escalation-level")).startsWith("1"),
                browser.text(testid("ticket-escalation-level")));
        JsonNode ticket = site.asAgent("sam", "GET", "/tickets/" + id, null);
        String today = ticket.at("/escalations/0/at").asText().substring(0, 10);

        browser.await(testid("nav-supervisor")).click();
        WebElement levels = browser.await(testid("levels-table"));
        browser.await(testid("load-table"));
        browser.await(testid("daily-chart"));
        browser.screenshot("supervisor-view");
        WebElement level1 = levels.findElement(By.cssSelector("[data-testid='level-row'][data-level='1']"));
        assertTrue(Integer.parseInt(level1.findElement(testid("level-count")).getText()) >= 1);
        assertFalse(level1.findElements(By.cssSelector("[data-testid='level-ticket'][data-ticket-id='" + id + "']"))
                .isEmpty(), "the ticket is listed at its level");
        WebElement billing = browser.await(By.cssSelector("[data-testid='load-row'][data-team='billing']"));
        assertTrue(Integer.parseInt(billing.findElements(By.tagName("td")).get(0).getText()) >= 1, "open in billing");

        WebElement chart = browser.await(testid("daily-chart"));
        assertEquals("svg", chart.getTagName());
        WebElement bar = chart.findElement(By.cssSelector("[data-testid='chart-escalated'][data-day='" + today + "']"));
        assertTrue(Integer.parseInt(bar.getAttribute("data-value")) >= 1, "today's escalations: "
                + bar.getAttribute("data-value"));
        assertTrue(Double.parseDouble(bar.getAttribute("height")) > 0, "the bar is drawn");
        assertEquals(14, chart.findElements(testid("chart-escalated")).size(), "one bar per day");
    }

    @Test
    void aSupervisorGivesATicketToGretaOnThePeopleViewAndSheSeesItInHerTicketsAndGoesAway() throws Exception {
        String id = fileTriagedTicket("Refund for a double charge", "I was charged twice for November.");

        signIn("sam", "supervisor");
        browser.await(testid("nav-people")).click();
        browser.await(testid("people-table"));
        browser.until("the team's assignment mode", () -> browser.text(testid("people-mode")).equals("assignment: manual"));
        browser.until("the ticket offered for rebalancing", () -> new Select(browser.await(testid("rebalance-ticket")))
                .getOptions().stream().anyMatch(o -> id.equals(o.getAttribute("value"))));
        new Select(browser.await(testid("rebalance-ticket"))).selectByValue(id);
        browser.type(testid("rebalance-person"), "greta");
        browser.await(testid("rebalance-submit")).click();
        browser.until("the assignment done", () -> browser.text(testid("rebalance-done")).endsWith("→ greta"));
        browser.screenshot("people-rebalanced");
        assertEquals("greta", site.asAgent("sam", "GET", "/tickets/" + id, null).path("assignee").asText());

        browser.await(testid("nav-queues")).click(); // signing in again comes back to the queues
        signOutAndSignInAs("greta", "agent");
        assertTrue(browser.driver().findElement(testid("nav-people")).getAttribute("hidden") != null,
                "an agent has no people view");
        browser.await(testid("nav-mine")).click();
        browser.await(By.cssSelector("[data-testid='mine-row'][data-ticket-id='" + id + "']"));
        browser.await(testid("availability-away")).click();
        browser.until("greta away", () -> browser.text(testid("my-availability")).equals("away"));
        assertEquals("true", browser.await(testid("availability-away")).getAttribute("aria-pressed"));
        browser.screenshot("my-tickets-away");
        // a hand assignment is never taken back by automatic assignment
        browser.await(By.cssSelector("[data-testid='mine-row'][data-ticket-id='" + id + "']"));
        assertEquals("greta", site.asAgent("sam", "GET", "/tickets/" + id, null).path("assignee").asText());
    }

    @Test
    void aHostileSubjectStaysInertOnTheQueueAndTheTicketPage() throws Exception {
        String id = fileTriagedTicket(HOSTILE, "<b>bold?</b> about my invoice <a href=javascript:alert(3)>x</a>");

        signIn("alice", "agent");
        awaitQueueRow("billing", id);
        assertNothingInjected("queue");
        assertEquals(HOSTILE, browser.await(queueRow(id)).findElement(By.cssSelector("td.subject")).getText(),
                "shown literally");

        browser.await(queueRow(id)).findElement(By.cssSelector("td.subject a")).click();
        awaitTicketPage(id, "ticket");
        assertNothingInjected("ticket page");
        assertEquals(HOSTILE, browser.text(testid("ticket-subject")));
        assertEquals("<b>bold?</b> about my invoice <a href=javascript:alert(3)>x</a>",
                browser.text(testid("ticket-description")));
    }

    /** No dialog opened, no element came from ticket text, and the only script is the dashboard's module. */
    void assertNothingInjected(String page) {
        assertEquals(Optional.empty(), browser.openDialog(), "no alert on the " + page);
        for (String tag : List.of("img", "b")) {
            assertTrue(browser.driver().findElements(By.cssSelector("#main " + tag)).isEmpty(),
                    "no injected " + tag + " on the " + page);
        }
        assertTrue(browser.driver().findElements(By.cssSelector("a[href^=javascript]")).isEmpty());
        List<WebElement> scripts = browser.driver().findElements(By.tagName("script"));
        assertEquals(1, scripts.size(), "only the dashboard's own module on the " + page);
        assertTrue(scripts.get(0).getAttribute("src").endsWith("/dashboard/app.js"));
    }
}
