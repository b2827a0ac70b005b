package io.tierline.api;

import java.util.ArrayList;
import java.util.List;

/**
 * One field of a customer form as its template shows it: what was typed (or nothing) and the server's problem with
 * it. The markup is in the {@code templates/tags/} field tags; {@link HtmlForm} builds these from the posted values.
 *
 * @param name  the API's JSON path ("requester.email"), the control's {@code name}
 * @param label the label, or the legend of a radio group; the error summary names the field by it
 * @param hint  shown under the label (may be null)
 * @param value what the visitor typed, empty when nothing
 * @param error "Email address must be a valid email address", or null when the field is fine
 */
public record FormField(String name, String label, String hint, String value, String error) {

    /** The element id: the name with dots and brackets turned into dashes ("requester-email"). */
    public String id() {
        return HtmlForm.id(name);
    }

    public boolean invalid() {
        return error != null;
    }

    /** The ids of the hint and the error, for {@code aria-describedby}; empty when there is neither. */
    public String describedBy() {
        List<String> ids = new ArrayList<>();
        if (hint != null) {
            ids.add(id() + "-hint");
        }
        if (invalid()) {
            ids.add(id() + "-error");
        }
        return String.join(" ", ids);
    }

    /** A single-line input ({@code type} text, email...). */
    public record TextInput(FormField field, String type, String autocomplete, boolean required) {
    }

    public record TextArea(FormField field, int rows, boolean required) {
    }

    /** A select, or a radio group in a fieldset; the options in order. */
    public record Choices(FormField field, List<Choice> options) {
    }

    /** @param id the option's element id (a radio's; the first radio takes the field's id, for the summary's link) */
    public record Choice(String id, String value, String text, boolean chosen) {
    }

    /**
     * The error summary at the top of a page: each problem of a rendered field links to it by its label, the others
     * (a whole-body problem, an unknown field) are listed as text.
     */
    public record Summary(List<Link> links, List<String> unplaced) {
        static final Summary NONE = new Summary(List.of(), List.of());

        public boolean shown() {
            return !links.isEmpty() || !unplaced.isEmpty();
        }
    }

    public record Link(String fieldId, String message) {
    }

    /** A form's hidden repeat guard: a double-clicked submit carries the same key and acts once. */
    public record Key(String value) {
        public String name() {
            return RequestBodies.FORM_KEY_FIELD;
        }
    }
}
