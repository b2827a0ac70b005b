package io.tierline.api;

/**
 * What the support form template ({@code templates/pages/supportForm.html}) shows: the fields with what was typed
 * and, after a refused post, the problems.
 *
 * @param hasErrors a refused post: the page title says "Error:" first
 */
public record SupportFormModel(boolean hasErrors, FormField.Summary problems, FormField.Key key, AboutYou you,
                               YourRequest request, Suggestions suggestions) {

    /**
     * The check for answers' articles, shown before the final submit; {@code checked} once they were looked for, so
     * the form's button files the request ("I still need help") instead of checking again.
     */
    public record Suggestions(boolean checked, java.util.List<Suggestion> articles) {
        static Suggestions none() {
            return new Suggestions(false, java.util.List.of());
        }

        /** The articles shown, as the form's hidden articlesSeen field sends them with "I still need help". */
        public String seen() {
            return String.join(",", articles.stream().map(Suggestion::id).toList());
        }
    }

    /** One suggested article: its title and snippet are text, escaped like every other value. */
    public record Suggestion(String id, String title, String snippet) {
        public String href() {
            return "/help/articles/" + id;
        }
    }

    public record AboutYou(FormField.TextInput name, FormField.TextInput email) {
    }

    public record YourRequest(FormField.TextInput subject, FormField.TextArea description, FormField.Choices impact,
                              FormField.Choices urgency) {
    }
}
