package io.tierline.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.validation.FieldError;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The customer's pages: a plain HTML form (works without JavaScript) and the confirmation. */
final class Pages {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
            label{display:block;margin-top:1rem;font-weight:600}
            input,textarea,select{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
            .error{color:#b00020;font-weight:400;display:block}
            [aria-invalid=true]{border:2px solid #b00020}
            button{margin-top:1.5rem;padding:.6rem 1.2rem;font:inherit}
            .ref{font-family:monospace;font-size:1.2rem}
            """;

    private Pages() {
    }

    static String supportForm(JsonNode values, List<FieldError> errors, String idempotencyKey) {
        Map<String, String> problems = errors.stream()
                .collect(Collectors.toMap(FieldError::field, FieldError::problem, (a, b) -> a));
        String key = idempotencyKey != null ? idempotencyKey : newKey();
        String summary = errors.isEmpty() ? "" : "<div role=\"alert\"><p>Please correct the marked fields.</p></div>";
        return page("Contact support", summary
                + "<form method=\"post\" action=\"/tickets\" novalidate>"
                + "<input type=\"hidden\" name=\"" + RequestBodies.FORM_KEY_FIELD + "\" value=\"" + Html.escape(key) + "\">"
                + input("requester.name", "Your name", "text", value(values, "requester", "name"), problems, "name")
                + input("requester.email", "Email", "email", value(values, "requester", "email"), problems, "email")
                + input("subject", "Subject", "text", value(values, "subject", null), problems, "off")
                + textarea("description", "How can we help?", value(values, "description", null), problems)
                + select("urgency", "How urgent is it?", value(values, "urgency", null), problems)
                + "<button type=\"submit\">Send</button></form>");
    }

    static String status(CustomerTicketView ticket, String statusLink, boolean justCreated) {
        StringBuilder body = new StringBuilder();
        if (justCreated) {
            body.append("<p>Thank you. Your request has been received.</p>");
        }
        body.append("<p>Your reference: <span class=\"ref\">").append(Html.escape(ticket.id())).append("</span></p>")
                .append("<p>Status: <strong>").append(Html.escape(ticket.status())).append("</strong></p>")
                .append("<p>Keep this link to follow your request: <a href=\"").append(Html.escape(statusLink))
                .append("\">").append(Html.escape(statusLink)).append("</a></p>")
                .append("<h2>").append(Html.escape(ticket.subject())).append("</h2><ol class=\"conversation\">");
        for (CustomerTicketView.Entry entry : ticket.conversation()) {
            if (entry.body() != null) {
                body.append("<li><strong>").append(Html.escape(entry.from())).append("</strong> ")
                        .append(Html.escape(entry.at().toString())).append("<p>").append(Html.escape(entry.body()))
                        .append("</p></li>");
            }
        }
        body.append("</ol>");
        return page(justCreated ? "We have your request" : "Your request", body.toString());
    }

    static String notFound() {
        return page("Not found", "<p>There is no request at this address. Check the link you were given.</p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>"
                + Html.escape(title) + " · Tierline</title><style>" + STYLE + "</style></head><body><main><h1>"
                + Html.escape(title) + "</h1>" + body + "</main></body></html>";
    }

    private static String input(String name, String label, String type, String value, Map<String, String> problems,
                                String autocomplete) {
        return "<label for=\"" + name + "\">" + label + error(name, problems) + "</label><input id=\"" + name
                + "\" name=\"" + name + "\" type=\"" + type + "\" required autocomplete=\"" + autocomplete
                + "\" value=\"" + Html.escape(value) + "\"" + invalid(name, problems) + ">";
    }

    private static String textarea(String name, String label, String value, Map<String, String> problems) {
        return "<label for=\"" + name + "\">" + label + error(name, problems) + "</label><textarea id=\"" + name
                + "\" name=\"" + name + "\" rows=\"8\" required" + invalid(name, problems) + ">" + Html.escape(value)
                + "</textarea>";
    }

    private static String select(String name, String label, String value, Map<String, String> problems) {
        String options = List.of("low", "medium", "high").stream()
                .map(v -> "<option value=\"" + v + "\"" + (v.equals(value == null ? "medium" : value) ? " selected" : "")
                        + ">" + v + "</option>")
                .collect(Collectors.joining());
        return "<label for=\"" + name + "\">" + label + error(name, problems) + "</label><select id=\"" + name
                + "\" name=\"" + name + "\"" + invalid(name, problems) + ">" + options + "</select>";
    }

    private static String error(String name, Map<String, String> problems) {
        String problem = problems.get(name);
        return problem == null ? "" : "<span class=\"error\" id=\"" + name + "-error\">" + Html.escape(problem) + "</span>";
    }

    private static String invalid(String name, Map<String, String> problems) {
        return problems.containsKey(name) ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "";
    }

    private static String value(JsonNode values, String field, String nested) {
        if (values == null) {
            return null;
        }
        JsonNode node = nested == null ? values.get(field) : values.path(field).get(nested);
        return node == null || !node.isValueNode() ? null : node.asText();
    }

    private static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "form-" + HexFormat.of().formatHex(bytes);
    }
}
