package io.tierline.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.escalation.EscalationEngine;
import io.tierline.core.json.Json;
import io.tierline.core.ticket.Satisfaction;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.validation.FieldError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The customer's status page: where the request stands in plain words, the escalation updates, the public
 * conversation, and plain HTML forms to reply, ask for escalation and rate the outcome. The forms post to the
 * customer API with the access token in the action URL; the API answers a form post with a redirect back here.
 * The markup is {@code templates/pages/statusPage.html}; this class decides what it shows ({@link #model}).
 */
final class StatusPage {
    /** Requesters carry no time zone yet: every time is shown in UTC and says so. */
    static final ZoneId ZONE = ZoneOffset.UTC;
    /** The escalation engine's plain-words message to the customer ("now with our billing specialists..."). */
    static final String CUSTOMER_UPDATED = "customer-updated";
    private static final Map<String, String> RATINGS = ratings();
    /** Statuses in which the customer waits for us (not for themselves, and not after the end). */
    private static final Set<String> WAITING_ON_US = Set.of("new", "open", "on-hold");
    /** What support writes that answers what an escalation update promised. */
    private static final Set<String> ANSWERS = Set.of("replied", "resolved");

    /** What a redirect back after a successful form post confirms. */
    enum Done {
        REPLIED("replied", "Your reply was sent. We will answer here."),
        ESCALATION_REQUESTED("escalation-requested", "We have your request for escalation. A senior member of our team "
                + "will look at your request; we will update you here."),
        ALREADY_ESCALATED("already-escalated", "We have your request for escalation. It is already with a senior "
                + "member of our team; we will update you here."),
        RATED("rated", "Thank you for rating our help."),
        FOLLOW_UP_ANSWERED("follow-up-answered", "Thank you for telling us. If the problem came back, the request is "
                + "open again and we will answer here.");

        final String code;
        final String message;

        Done(String code, String message) {
            this.code = code;
            this.message = message;
        }

        /** What to confirm once the action is stored: a repeated escalation request alerted nobody new. */
        Done after(TicketHistory history) {
            return this == ESCALATION_REQUESTED && EscalationEngine.lastRequestWasAlreadyEscalated(history.events())
                    ? ALREADY_ESCALATED : this;
        }

        static Done of(String code) {
            for (Done done : values()) {
                if (done.code.equals(code)) {
                    return done;
                }
            }
            return null;
        }
    }

    /** Which of the page's forms a refused post came from. */
    enum Form { REPLY, ESCALATION, RATING, FOLLOW_UP }

    /**
     * A form post the server refused: what was typed, and either field errors (400) or the reason the ticket's state
     * refused the action (409).
     */
    record Attempt(Form form, JsonNode values, List<FieldError> errors, String refusal) {
        Attempt {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    private StatusPage() {
    }

    private static Map<String, String> ratings() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("1", "1 \u2013 Very unhappy");
        options.put("2", "2 \u2013 Unhappy");
        options.put("3", "3 \u2013 Neither happy nor unhappy");
        options.put("4", "4 \u2013 Happy");
        options.put("5", "5 \u2013 Very happy");
        return options;
    }

    static String actionPath(String id, String token, String action) {
        return "/customer/tickets/" + id + "/" + action + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    static String render(CustomerTicketView t, String token, Done done, Attempt attempt) {
        return PageTemplates.statusPage(model(t, token, done, attempt)).render();
    }

    /** The one place that reads the customer's view of a ticket for the page. */
    static StatusPageModel model(CustomerTicketView t, String token, Done done, Attempt attempt) {
        HtmlForm reply = formFor(Form.REPLY, attempt, null);
        HtmlForm escalation = formFor(Form.ESCALATION, attempt, null);
        HtmlForm rating = formFor(Form.RATING, attempt, t.standing().satisfaction());
        HtmlForm followUp = formFor(Form.FOLLOW_UP, attempt, null);
        // the forms first: an error summary links only to fields the page shows; while a follow-up is awaited its
        // form asks for the rating, so the rating form waits
        StatusPageModel.Forms forms = new StatusPageModel.Forms(t.standing().followUpAwaited() ? null
                : ratingForm(t, token, rating), replyForm(t, token, reply), escalationForm(t, token, escalation),
                followUpForm(t, token, followUp));
        StatusPageModel.Alerts alerts = new StatusPageModel.Alerts(done == null ? null : done.message,
                List.of(reply.summary(), escalation.summary(), rating.summary(), followUp.summary()),
                attempt == null ? null : attempt.refusal(), latestUpdate(t));
        boolean hasErrors = attempt != null && (!attempt.errors().isEmpty() || attempt.refusal() != null);
        CustomerTicketView.Standing now = t.standing();
        StatusPageModel.Standing standing = new StatusPageModel.Standing(PlainWords.status(now.status()),
                PlainWords.statusExplained(now.status()), now.mergedInto(), now.resolution(),
                new StatusPageModel.Reference(t.id(), PageTime.of(t.dates().createdAt(), ZONE),
                        PageTime.of(t.dates().updatedAt(), ZONE)));
        return new StatusPageModel("Your request " + t.id(), hasErrors, alerts, standing,
                new StatusPageModel.Request(t.asked().subject(), t.asked().description()), conversation(t), forms);
    }

    private static HtmlForm formFor(Form form, Attempt attempt, Satisfaction current) {
        if (attempt != null && attempt.form() == form) {
            return HtmlForm.of(attempt.values(), attempt.errors());
        }
        if (current != null) {
            ObjectNode values = Json.MAPPER.createObjectNode().put("rating", Integer.toString(current.rating()));
            if (current.comment() != null) {
                values.put("comment", current.comment());
            }
            return HtmlForm.of(values, List.of());
        }
        return HtmlForm.empty();
    }

    /**
     * The escalation engine's latest message, shown first: it is what the customer most wants to know. It promises
     * an answer, so it is headlined only while that promise still holds: while the ticket waits on us, and until
     * support has answered or resolved since (the message stays in the conversation either way).
     */
    private static StatusPageModel.Update latestUpdate(CustomerTicketView t) {
        if (!WAITING_ON_US.contains(t.standing().status())) {
            return null;
        }
        CustomerTicketView.Entry latest = null;
        for (CustomerTicketView.Entry e : t.conversation()) {
            if (CUSTOMER_UPDATED.equals(e.type()) && e.body() != null) {
                latest = e;
            } else if (ANSWERS.contains(e.type()) && "support".equals(e.from())) {
                latest = null;
            }
        }
        return latest == null ? null : new StatusPageModel.Update(latest.body(), PageTime.of(latest.at(), ZONE));
    }

    private static List<StatusPageModel.Entry> conversation(CustomerTicketView t) {
        List<StatusPageModel.Entry> entries = new ArrayList<>();
        for (CustomerTicketView.Entry e : t.conversation()) {
            StatusPageModel.Kind kind = kind(e);
            if (kind != null) {
                entries.add(new StatusPageModel.Entry(e.type(), "you".equals(e.from()), PageTime.of(e.at(), ZONE),
                        kind, new StatusPageModel.Words(e.status() == null ? null : PlainWords.status(e.status()),
                        e.body(), e.reason())));
            }
        }
        return entries;
    }

    /** How the entry reads, or null when it has nothing to say to the customer. */
    private static StatusPageModel.Kind kind(CustomerTicketView.Entry e) {
        return switch (e.type()) {
            case "created" -> StatusPageModel.Kind.CREATED;
            case "status-changed" -> e.status() == null ? null : StatusPageModel.Kind.STATUS_CHANGED;
            case "replied", "customer-replied" -> StatusPageModel.Kind.MESSAGE;
            case "resolved" -> StatusPageModel.Kind.RESOLVED;
            case "reopened" -> StatusPageModel.Kind.REOPENED;
            case "escalation-requested" -> StatusPageModel.Kind.ESCALATION_REQUESTED;
            case CUSTOMER_UPDATED -> StatusPageModel.Kind.UPDATE;
            case "satisfaction-rated" -> StatusPageModel.Kind.RATED;
            case "follow-up-requested" -> StatusPageModel.Kind.FOLLOW_UP_ASKED;
            case "follow-up-answered" -> StatusPageModel.Kind.FOLLOW_UP_ANSWERED;
            default -> e.body() == null ? null : StatusPageModel.Kind.MESSAGE;
        };
    }

    private static StatusPageModel.Target target(CustomerTicketView t, String token, String action) {
        return new StatusPageModel.Target(actionPath(t.id(), token, action), new FormField.Key(Pages.newKey()));
    }

    private static StatusPageModel.RatingForm ratingForm(CustomerTicketView t, String token, HtmlForm form) {
        CustomerTicketView.Standing standing = t.standing();
        boolean rateable = ("solved".equals(standing.status()) || "closed".equals(standing.status()))
                && standing.mergedInto() == null;
        if (!rateable) {
            return null;
        }
        Satisfaction given = standing.satisfaction();
        return new StatusPageModel.RatingForm(target(t, token, "satisfaction"), given == null ? null
                : new StatusPageModel.CurrentRating(given.rating(), Satisfaction.HIGHEST,
                PageTime.of(given.ratedAt(), ZONE)),
                form.radios("rating", "Your rating", RATINGS, null, null),
                form.textarea("comment", "Anything you want to tell us? (optional)", 4, null, false));
    }

    private static StatusPageModel.FollowUpForm followUpForm(CustomerTicketView t, String token, HtmlForm form) {
        if (!t.standing().followUpAwaited()) {
            return null;
        }
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("yes", "Yes, it stayed solved");
        choices.put("no", "No, the problem is back: reopen my request");
        return new StatusPageModel.FollowUpForm(target(t, token, "follow-up"),
                form.radios("stayedSolved", "Did the problem stay solved?", choices, null, null),
                t.standing().satisfaction() != null ? null
                        : form.radios("rating", "How did we do? (optional)", RATINGS, null, null),
                form.textarea("comment", "Anything you want to tell us? (optional)", 3, null, false));
    }

    private static StatusPageModel.ReplyForm replyForm(CustomerTicketView t, String token, HtmlForm form) {
        if ("closed".equals(t.standing().status())) {
            return null;
        }
        String hint = "solved".equals(t.standing().status())
                ? "Not solved after all? Write to us and we will reopen it." : null;
        return new StatusPageModel.ReplyForm(target(t, token, "replies"),
                form.textarea("body", "Your message", 6, hint, true));
    }

    private static StatusPageModel.EscalationForm escalationForm(CustomerTicketView t, String token, HtmlForm form) {
        if ("closed".equals(t.standing().status()) || "solved".equals(t.standing().status())) {
            return null;
        }
        return new StatusPageModel.EscalationForm(target(t, token, "escalation-requests"),
                form.textarea("reason", "Why? (optional)", 3, null, false));
    }
}
