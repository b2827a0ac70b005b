package io.tierline.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.validation.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a customer form with the values a visitor typed and the server's validation errors, as
 * {@link FormField}s for the templates: each error sits beside its field (tied by {@code aria-describedby}, field
 * marked {@code aria-invalid}), and {@link #summary()} lists them all at the top, each linking to its field. Field
 * names are the API's JSON paths ("requester.email"), so the API's {@link FieldError}s land on the right field
 * without translation. The templates escape every value.
 */
final class HtmlForm {
    private final Map<String, String> values;
    private final Map<String, String> errors;
    /** Labels of the fields the page shows, so the summary can name and link them. */
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
    FormField.TextInput input(String name, String label, String type, String autocomplete, String hint,
                              boolean required) {
        return new FormField.TextInput(field(name, label, hint), type, autocomplete, required);
    }

    FormField.TextArea textarea(String name, String label, int rows, String hint, boolean required) {
        return new FormField.TextArea(field(name, label, hint), rows, required);
    }

    /** @param options value → visible text, in order */
    FormField.Choices select(String name, String label, Map<String, String> options, String preselected,
                             String hint) {
        return choices(name, label, options, preselected, hint);
    }

    /** A radio group in a fieldset whose legend is the question; the summary links to the first radio. */
    FormField.Choices radios(String name, String legend, Map<String, String> options, String preselected,
                             String hint) {
        return choices(name, legend, options, preselected, hint);
    }

    private FormField.Choices choices(String name, String label, Map<String, String> options, String preselected,
                                      String hint) {
        FormField field = field(name, label, hint);
        String chosen = values.getOrDefault(name, preselected);
        List<FormField.Choice> choices = new ArrayList<>();
        options.forEach((value, text) -> choices.add(new FormField.Choice(
                choices.isEmpty() ? id(name) : id(name) + "-" + id(value), value, text, value.equals(chosen))));
        return new FormField.Choices(field, choices);
    }

    /**
     * The error summary for the top of the page, listing every problem, each linking to its field. Build it after
     * the fields (it names them by their labels).
     */
    FormField.Summary summary() {
        List<FormField.Link> links = new ArrayList<>();
        List<String> unplaced = new ArrayList<>();
        errors.forEach((field, problem) -> {
            if (labels.containsKey(field)) {
                links.add(new FormField.Link(id(field), message(field)));
            } else {
                unplaced.add(field.equals("$") ? problem : field + " " + problem);
            }
        });
        return new FormField.Summary(links, unplaced);
    }

    private FormField field(String name, String label, String hint) {
        labels.put(name, label);
        return new FormField(name, label, hint, values.getOrDefault(name, ""),
                errors.containsKey(name) ? message(name) : null);
    }

    /** "Email must be a valid email address": the field's label, then the API's problem text. */
    private String message(String name) {
        return labels.getOrDefault(name, name) + " " + errors.get(name);
    }
}
