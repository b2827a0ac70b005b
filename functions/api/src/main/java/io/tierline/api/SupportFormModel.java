package io.tierline.api;

/**
 * What the support form template ({@code templates/pages/supportForm.html}) shows: the fields with what was typed
 * and, after a refused post, the problems.
 *
 * @param hasErrors a refused post: the page title says "Error:" first
 */
public record SupportFormModel(boolean hasErrors, FormField.Summary problems, FormField.Key key, AboutYou you,
                               YourRequest request) {

    public record AboutYou(FormField.TextInput name, FormField.TextInput email) {
    }

    public record YourRequest(FormField.TextInput subject, FormField.TextArea description, FormField.Choices impact,
                              FormField.Choices urgency) {
    }
}
