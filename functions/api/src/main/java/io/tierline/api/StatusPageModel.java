package io.tierline.api;

import java.util.List;

/**
 * What the status page template ({@code templates/pages/statusPage.html}) shows, in the order it shows it. Built
 * from the customer's view of the ticket by {@link StatusPage#model}; every text in it is shown escaped.
 *
 * @param title     "Your request 01J..."
 * @param hasErrors a refused form post: the page title says "Error:" first
 */
public record StatusPageModel(String title, boolean hasErrors, Alerts alerts, Standing standing, Request request,
                              List<Entry> conversation, Forms forms) {

    /**
     * What the page says first.
     *
     * @param done     the confirmation of a form post just stored, or null
     * @param problems the error summaries of the page's forms (only a refused one lists anything)
     * @param refusal  why the ticket's state refused a form post, or null
     * @param latest   the escalation update still to headline, or null
     */
    public record Alerts(String done, List<FormField.Summary> problems, String refusal, Update latest) {
    }

    /** An escalation update, in the escalation engine's plain words. */
    public record Update(String body, PageTime at) {
    }

    /**
     * Where the request stands.
     *
     * @param status     "Being worked on"
     * @param explained  what the status means for the customer
     * @param mergedInto the request this one was merged into, or null
     * @param resolution how it was solved, once solved or closed; else null
     */
    public record Standing(String status, String explained, String mergedInto, String resolution,
                           Reference reference) {
    }

    public record Reference(String id, PageTime sent, PageTime lastChange) {
    }

    /** What the customer asked. */
    public record Request(String subject, String description) {
    }

    /**
     * One public event of the conversation.
     *
     * @param type the event's code, kept as a class name for the style sheet ("entry-customer-updated")
     */
    public record Entry(String type, boolean fromYou, PageTime at, Kind kind, Words words) {
    }

    /** How an entry reads; each kind has its fixed sentence in the template. */
    public enum Kind {
        CREATED, STATUS_CHANGED, MESSAGE, RESOLVED, REOPENED, ESCALATION_REQUESTED, UPDATE, RATED, FOLLOW_UP_ASKED,
        FOLLOW_UP_ANSWERED
    }

    /**
     * The entry's own words, each null when it has none.
     *
     * @param status the status it moved the ticket to, in plain words
     * @param body   what was written
     * @param reason why (a reopening, an escalation request) or the rating given
     */
    public record Words(String status, String body, String reason) {
    }

    /** The forms the ticket's state allows; each null when not offered. */
    public record Forms(RatingForm rating, ReplyForm reply, EscalationForm escalation, FollowUpForm followUp) {
    }

    /**
     * The answer to the follow-up after a resolution, shown instead of the rating form while it is awaited.
     *
     * @param rating offered only when the customer has not rated yet; else null
     */
    public record FollowUpForm(Target target, FormField.Choices stayedSolved, FormField.Choices rating,
                               FormField.TextArea comment) {
    }

    /**
     * @param action the post's URL, with the access token
     * @param key    the hidden repeat guard, fresh on every rendering
     */
    public record Target(String action, FormField.Key key) {
    }

    /** @param current the rating already given, or null */
    public record RatingForm(Target target, CurrentRating current, FormField.Choices rating,
                             FormField.TextArea comment) {
    }

    public record CurrentRating(int rating, int highest, PageTime ratedAt) {
    }

    /** @param body its hint says how to reopen a solved request */
    public record ReplyForm(Target target, FormField.TextArea body) {
    }

    public record EscalationForm(Target target, FormField.TextArea reason) {
    }
}
