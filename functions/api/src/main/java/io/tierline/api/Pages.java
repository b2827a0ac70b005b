package io.tierline.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.validation.FieldError;
import jakarta.ws.rs.core.MediaType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's pages, rendered on the server from templates ({@link PageTemplates}) so they work with JavaScript
 * off: the support form, the confirmation after filing, the not-found page. Style and the optional script are static
 * files (see {@link AssetResource}), so the content security policy can forbid every inline script and style.
 */
final class Pages {
    static final String HTML_UTF8 = "text/html;charset=UTF-8";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MediaType PROBLEM_JSON = MediaType.valueOf(Problem.MEDIA_TYPE);
    private static final Map<String, String> IMPACT = impacts();
    private static final Map<String, String> URGENCY = urgencies();

    private Pages() {
    }

    /** How widely the problem hurts (impact), asked apart from how soon it must be solved (urgency). */
    private static Map<String, String> impacts() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("low", "Only me, and I can work around it");
        options.put("medium", "Me or a few colleagues, and our work is slowed down");
        options.put("high", "Many people, or our business has stopped");
        return options;
    }

    private static Map<String, String> urgencies() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("low", "Low: it can wait a few days");
        options.put("medium", "Medium: it slows me down");
        options.put("high", "High: I cannot work");
        return options;
    }

    static String supportForm(JsonNode values, List<FieldError> errors, String idempotencyKey) {
        return supportForm(values, errors, idempotencyKey, SupportFormModel.Suggestions.none());
    }

    static String supportForm(JsonNode values, List<FieldError> errors, String idempotencyKey,
                              SupportFormModel.Suggestions suggestions) {
        HtmlForm form = HtmlForm.of(values, requesterErrorsOnItsFields(errors));
        SupportFormModel.AboutYou you = new SupportFormModel.AboutYou(
                form.input("requester.name", "Your name", "text", "name", null, true),
                form.input("requester.email", "Email address", "email", "email",
                        "We write to you here about your request.", true));
        SupportFormModel.YourRequest request = new SupportFormModel.YourRequest(
                form.input("subject", "Subject", "text", "off",
                        "A few words, e.g. \u201cRefund for my March invoice\u201d.", true),
                form.textarea("description", "How can we help?", 8,
                        "What happened, what you expected, and any reference numbers.", true),
                form.select("impact", "Who is affected?", IMPACT, "low",
                        "Together with how urgent it is, this sets how soon we answer."),
                form.select("urgency", "How urgent is it?", URGENCY, "medium", null));
        return PageTemplates.supportForm(new SupportFormModel(form.hasErrors(), form.summary(),
                new FormField.Key(idempotencyKey != null ? idempotencyKey : newKey()), you, request, suggestions))
                .render();
    }

    /**
     * A form without name and email sends no requester at all, which the API reports once as "requester is
     * required"; on the page that belongs on both fields.
     */
    private static List<FieldError> requesterErrorsOnItsFields(List<FieldError> errors) {
        List<FieldError> placed = new ArrayList<>();
        for (FieldError e : errors) {
            if (e.field().equals("requester")) {
                placed.add(new FieldError("requester.name", e.problem()));
                placed.add(new FieldError("requester.email", e.problem()));
            } else {
                placed.add(e);
            }
        }
        return placed;
    }

    /** Shown once, right after filing: the reference, the link to keep, and what happens next. */
    static String confirmation(CustomerTicketView ticket, String statusPath, String statusUrl) {
        return PageTemplates.confirmation(new ConfirmationModel(ticket.id(), ticket.asked().subject(), statusPath,
                statusUrl)).render();
    }

    static String notFound() {
        return PageTemplates.notFound().render();
    }

    /**
     * Whether a plain form post is answered with a page (a redirect, or the page with the problem) rather than JSON:
     * a browser sends HTML, any type or no Accept at all, so only a client that prefers JSON to HTML gets JSON.
     */
    static boolean answersFormWithPage(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        double html = -1;
        double json = -1;
        for (String range : accept.split(",")) {
            MediaType type;
            try {
                type = MediaType.valueOf(range.strip());
            } catch (IllegalArgumentException e) {
                continue; // one malformed range does not decide for the others
            }
            double quality = quality(type);
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                html = Math.max(html, quality);
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isCompatible(PROBLEM_JSON)) {
                json = Math.max(json, quality);
            }
        }
        return html == -1 && json == -1 || html > 0 && html >= json;
    }

    private static double quality(MediaType type) {
        try {
            return Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "form-" + HexFormat.of().formatHex(bytes);
    }
}
