package io.tierline.tools.classifier;

/** One past ticket: the text the classifier reads and the label it should have predicted. */
public record LabelledTicket(String text, String label) {

    public LabelledTicket {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label is required");
        }
    }
}
