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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The customer's status page: where the request stands in plain words, the escalation updates, the public
 * conversation, and plain HTML forms to reply, ask for escalation and rate the outcome. The forms post to the
 * customer API with the access token in the action URL; the API answers a form post with a redirect back here.
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
        RATED("rated", "Thank you for rating our help.");

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
    enum Form { REPLY, ESCALATION, RATING }

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
        HtmlForm reply = formFor(Form.REPLY, attempt, null);
        HtmlForm escalation = formFor(Form.ESCALATION, attempt, null);
        HtmlForm rating = formFor(Form.RATING, attempt, t.satisfaction());
        String actions = ratingForm(t, token, rating) + replyForm(t, token, reply) + escalationForm(t, token, escalation);

        StringBuilder body = new StringBuilder();
        if (done != null) {
            body.append("<div class=\"notice\" id=\"notice\" role=\"status\" tabindex=\"-1\"><p>")
                    .append(Html.escape(done.message)).append("</p></div>");
        }
        body.append(reply.summary()).append(escalation.summary()).append(rating.summary());
        if (attempt != null && attempt.refusal() != null) {
            body.append("<div class=\"error-summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\">")
                    .append("<h2>That did not work</h2><p>").append(Html.escape(attempt.refusal()))
                    .append("</p></div>");
        }
        body.append(latestUpdate(t)).append(summary(t))
                .append("<section aria-labelledby=\"request-title\"><h2 id=\"request-title\">Your request</h2>")
                .append("<h3 id=\"subject\" class=\"subject\">").append(Html.escape(t.subject())).append("</h3>")
                .append("<p class=\"text\" id=\"description\">").append(Html.escape(t.description()))
                .append("</p></section>")
                .append(conversation(t)).append(actions);
        boolean hasErrors = attempt != null && (!attempt.errors().isEmpty() || attempt.refusal() != null);
        return Pages.page("Your request " + t.id(), hasErrors, body.toString());
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
    private static String latestUpdate(CustomerTicketView t) {
        if (!WAITING_ON_US.contains(t.status())) {
            return "";
        }
        CustomerTicketView.Entry latest = null;
        for (CustomerTicketView.Entry e : t.conversation()) {
            if (CUSTOMER_UPDATED.equals(e.type()) && e.body() != null) {
                latest = e;
            } else if (ANSWERS.contains(e.type()) && "support".equals(e.from())) {
                latest = null;
            }
        }
        if (latest == null) {
            return "";
        }
        return "<section class=\"panel update\" id=\"latest-update\" aria-labelledby=\"latest-update-title\">"
                + "<h2 id=\"latest-update-title\">Latest update</h2><p>" + Html.escape(latest.body()) + "</p>"
                + "<p class=\"meta\">" + PlainWords.timeElement(latest.at(), ZONE) + "</p></section>";
    }

    private static String summary(CustomerTicketView t) {
        String merged = t.mergedInto() == null ? "" : "<p>This request was merged into request <span class=\"ref\">"
                + Html.escape(t.mergedInto()) + "</span>; the conversation continues there.</p>";
        String resolution = t.resolution() == null ? "" : "<h3>How we solved it</h3><p class=\"text\" id=\"resolution\">"
                + Html.escape(t.resolution()) + "</p>";
        return "<section class=\"panel status\" aria-labelledby=\"status-title\"><h2 id=\"status-title\">Status: "
                + "<span id=\"status\">" + Html.escape(PlainWords.status(t.status())) + "</span></h2><p>"
                + Html.escape(PlainWords.statusExplained(t.status())) + "</p>" + merged + resolution
                + "<dl><dt>Reference</dt><dd class=\"ref\" id=\"reference\">" + Html.escape(t.id()) + "</dd>"
                + "<dt>Sent</dt><dd>" + PlainWords.timeElement(t.createdAt(), ZONE) + "</dd>"
                + "<dt>Last change</dt><dd>" + PlainWords.timeElement(t.updatedAt(), ZONE) + "</dd></dl></section>";
    }

    private static String conversation(CustomerTicketView t) {
        StringBuilder out = new StringBuilder("<section aria-labelledby=\"conversation-title\">"
                + "<h2 id=\"conversation-title\">Conversation</h2><ol class=\"conversation\" id=\"conversation\">");
        for (CustomerTicketView.Entry e : t.conversation()) {
            String text = entryText(e);
            if (text == null) {
                continue;
            }
            boolean you = "you".equals(e.from());
            out.append("<li class=\"entry entry-").append(Html.escape(e.type())).append(you ? " from-you" : " from-support")
                    .append("\"><p class=\"meta\"><span class=\"who\">").append(you ? "You" : "Support")
                    .append("</span> \u00b7 ").append(PlainWords.timeElement(e.at(), ZONE)).append("</p>")
                    .append(text).append("</li>");
        }
        return out.append("</ol></section>").toString();
    }

    /** The entry's content as escaped HTML, or null when it has nothing to say to the customer. */
    private static String entryText(CustomerTicketView.Entry e) {
        String body = e.body() == null ? "" : "<p class=\"text\">" + Html.escape(e.body()) + "</p>";
        String reason = e.reason() == null ? "" : "<p class=\"text\">" + Html.escape(e.reason()) + "</p>";
        switch (e.type()) {
            case "created":
                return "<p>You sent your request.</p>";
            case "status-changed":
                return e.status() == null ? null
                        : "<p>Status changed to <strong>" + Html.escape(PlainWords.status(e.status())) + "</strong>.</p>";
            case "replied":
            case "customer-replied":
                return body;
            case "resolved":
                return "<p>We marked your request as solved.</p>" + body;
            case "reopened":
                return "<p>Your request was reopened.</p>" + reason;
            case "escalation-requested":
                return "<p>You asked for escalation.</p>" + reason;
            case CUSTOMER_UPDATED:
                return "<div class=\"update\">" + body + "</div>";
            case "satisfaction-rated":
                return "<p>You rated our help: " + Html.escape(e.reason()) + ".</p>" + body;
            default:
                return e.body() == null ? null : body;
        }
    }

    private static String ratingForm(CustomerTicketView t, String token, HtmlForm form) {
        boolean rateable = ("solved".equals(t.status()) || "closed".equals(t.status())) && t.mergedInto() == null;
        if (!rateable) {
            return "";
        }
        String already = t.satisfaction() == null ? ""
                : "<p id=\"current-rating\">You rated our help " + t.satisfaction().rating() + " of "
                + Satisfaction.HIGHEST + " on " + PlainWords.timeElement(t.satisfaction().ratedAt(), ZONE)
                + ". You can change your rating.</p>";
        return "<section class=\"panel\" aria-labelledby=\"rate-title\"><h2 id=\"rate-title\">How did we do?</h2>"
                + already + "<form method=\"post\" id=\"rating-form\" action=\""
                + Html.escape(actionPath(t.id(), token, "satisfaction")) + "\" novalidate>"
                + HtmlForm.hidden(RequestBodies.FORM_KEY_FIELD, Pages.newKey())
                + form.radios("rating", "Your rating", RATINGS, null, null)
                + form.textarea("comment", "Anything you want to tell us? (optional)", 4, null, false)
                + "<button type=\"submit\">Send rating</button></form></section>";
    }

    private static String replyForm(CustomerTicketView t, String token, HtmlForm form) {
        if ("closed".equals(t.status())) {
            return "";
        }
        String hint = "solved".equals(t.status()) ? "Not solved after all? Write to us and we will reopen it." : null;
        return "<section class=\"panel\" aria-labelledby=\"reply-title\"><h2 id=\"reply-title\">Reply</h2>"
                + "<form method=\"post\" id=\"reply-form\" action=\"" + Html.escape(actionPath(t.id(), token, "replies"))
                + "\" novalidate>" + HtmlForm.hidden(RequestBodies.FORM_KEY_FIELD, Pages.newKey())
                + form.textarea("body", "Your message", 6, hint, true)
                + "<button type=\"submit\">Send reply</button></form></section>";
    }

    private static String escalationForm(CustomerTicketView t, String token, HtmlForm form) {
        if ("closed".equals(t.status()) || "solved".equals(t.status())) {
            return "";
        }
        return "<section class=\"panel\" aria-labelledby=\"escalate-title\"><h2 id=\"escalate-title\">"
                + "Need it escalated?</h2><p>If this is taking too long or has become more serious, ask for "
                + "escalation and a senior member of the team will look at it.</p>"
                + "<form method=\"post\" id=\"escalation-form\" action=\""
                + Html.escape(actionPath(t.id(), token, "escalation-requests")) + "\" novalidate>"
                + HtmlForm.hidden(RequestBodies.FORM_KEY_FIELD, Pages.newKey())
                + form.textarea("reason", "Why? (optional)", 3, null, false)
                + "<button type=\"submit\" class=\"secondary\">Request escalation</button></form></section>";
    }
}
