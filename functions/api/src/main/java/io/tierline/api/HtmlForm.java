package io.tierline.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.validation.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders accessible form fields with the values a visitor typed and the server's validation errors: each error sits
 * beside its field (tied by {@code aria-describedby}, field marked {@code aria-invalid}), and {@link #summary()} lists
 * them all at the top, each linking to its field. Field names are the API's JSON paths ("requester.email"), so the
 * API's {@link FieldError}s land on the right field without translation. Every value is escaped.
 */
final class HtmlForm {
    private final Map<String, String> values;
    private final Map<String, String> errors;
    /** Labels of the fields rendered so far, so the summary can name and link them. */
    private final Map<String, String> labels = new LinkedHashMap<>();

    private HtmlForm(Map<String, String> values, Map<String, String> errors) {
        this.values = values;
        this.errors = errors;
    }

    static HtmlForm empty() {
        return new HtmlForm(Map.of(), Map.of());
    }

    /** @param values what was posted, as the JSON the API read (may be null) */
    static HtmlForm of(JsonNode values, List<FieldError> errors) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", values, flat);
        Map<String, String> problems = new LinkedHashMap<>();
        errors.forEach(e -> problems.putIfAbsent(e.field(), e.problem()));
        return new HtmlForm(flat, problems);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isObject()) {
                flatten(prefix + field.getKey() + ".", field.getValue(), out);
            } else if (field.getValue().isValueNode()) {
                out.put(prefix + field.getKey(), field.getValue().asText());
            }
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    String value(String name) {
        return values.get(name);
    }

    static String id(String name) {
        return name.replace('.', '-').replace('[', '-').replace("]", "");
    }

    /** A single-line input. */
    String input(String name, String label, String type, String autocomplete, String hint, boolean required) {
        return field(name, label, hint, "<input id=\"" + id(name) + "\" name=\"" + Html.escape(name) + "\" type=\""
                + type + "\"" + (required ? " required" : "") + " autocomplete=\"" + autocomplete + "\" value=\""
                + Html.escape(values.get(name)) + "\"" + described(name, hint) + ">");
    }

    String textarea(String name, String label, int rows, String hint, boolean required) {
        return field(name, label, hint, "<textarea id=\"" + id(name) + "\" name=\"" + Html.escape(name) + "\" rows=\""
                + rows + "\"" + (required ? " required" : "") + described(name, hint) + ">"
                + Html.escape(values.get(name)) + "</textarea>");
    }

    /** @param options value → visible text, in order */
    String select(String name, String label, Map<String, String> options, String preselected, String hint) {
        String chosen = values.getOrDefault(name, preselected);
        StringBuilder out = new StringBuilder("<select id=\"" + id(name) + "\" name=\"" + Html.escape(name) + "\""
                + described(name, hint) + ">");
        options.forEach((value, text) -> out.append("<option value=\"").append(Html.escape(value)).append("\"")
                .append(value.equals(chosen) ? " selected" : "").append(">").append(Html.escape(text))
                .append("</option>"));
        return field(name, label, hint, out.append("</select>").toString());
    }

    /** A radio group in a fieldset whose legend is the question; the summary links to the first radio. */
    String radios(String name, String legend, Map<String, String> options, String preselected, String hint) {
        labels.put(name, legend);
        String chosen = values.getOrDefault(name, preselected);
        StringBuilder out = new StringBuilder("<div class=\"field").append(errors.containsKey(name) ? " invalid" : "")
                .append("\"><fieldset id=\"").append(id(name)).append("-group\"").append(described(name, hint))
                .append("><legend>").append(Html.escape(legend)).append("</legend>").append(hint(name, hint))
                .append(error(name)).append("<div class=\"radios\">");
        int i = 0;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String optionId = i++ == 0 ? id(name) : id(name) + "-" + id(option.getKey());
            out.append("<div class=\"radio\"><input type=\"radio\" id=\"").append(optionId).append("\" name=\"")
                    .append(Html.escape(name)).append("\" value=\"").append(Html.escape(option.getKey())).append("\"")
                    .append(option.getKey().equals(chosen) ? " checked" : "")
                    .append(errors.containsKey(name) ? " aria-invalid=\"true\"" : "").append("><label for=\"")
                    .append(optionId).append("\">").append(Html.escape(option.getValue())).append("</label></div>");
        }
        return out.append("</div></fieldset></div>").toString();
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + Html.escape(name) + "\" value=\"" + Html.escape(value) + "\">";
    }

    /**
     * The error summary for the top of the page: a focusable alert listing every problem, each linking to its
     * field. Call it after rendering the fields (it names them by their labels). Empty when there is no error.
     */
    String summary() {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<div class=\"error-summary\" id=\"error-summary\" role=\"alert\" "
                + "tabindex=\"-1\" aria-labelledby=\"error-summary-title\"><h2 id=\"error-summary-title\">"
                + "There is a problem</h2><ul>");
        List<String> unplaced = new ArrayList<>();
        errors.forEach((field, problem) -> {
            if (labels.containsKey(field)) {
                out.append("<li><a href=\"#").append(id(field)).append("\">").append(Html.escape(message(field)))
                        .append("</a></li>");
            } else {
                unplaced.add(field.equals("$") ? problem : field + " " + problem);
            }
        });
        unplaced.forEach(text -> out.append("<li>").append(Html.escape(text)).append("</li>"));
        return out.append("</ul></div>").toString();
    }

    private String field(String name, String label, String hint, String control) {
        labels.put(name, label);
        return "<div class=\"field" + (errors.containsKey(name) ? " invalid" : "") + "\"><label for=\"" + id(name)
                + "\">" + Html.escape(label) + "</label>" + hint(name, hint) + error(name) + control + "</div>";
    }

    private static String hint(String name, String hint) {
        return hint == null ? "" : "<p class=\"hint\" id=\"" + id(name) + "-hint\">" + Html.escape(hint) + "</p>";
    }

    private String error(String name) {
        return errors.containsKey(name) ? "<p class=\"error-message\" id=\"" + id(name) + "-error\">"
                + "<span class=\"visually-hidden\">Error: </span>" + Html.escape(message(name)) + "</p>" : "";
    }

    /** "Email must be a valid email address": the field's label, then the API's problem text. */
    private String message(String name) {
        return labels.getOrDefault(name, name) + " " + errors.get(name);
    }

    private String described(String name, String hint) {
        List<String> ids = new ArrayList<>();
        if (hint != null) {
            ids.add(id(name) + "-hint");
        }
        if (errors.containsKey(name)) {
            ids.add(id(name) + "-error");
        }
        return (errors.containsKey(name) ? " aria-invalid=\"true\"" : "")
                + (ids.isEmpty() ? "" : " aria-describedby=\"" + String.join(" ", ids) + "\"");
    }
}
