package io.tierline.core.classify;

/**
 * An ISO 639-1 language code, or {@value #UNDETERMINED} when the text gives too little evidence, and how sure the
 * detector is, 0..1.
 */
public record DetectedLanguage(String code, double confidence) {

    public static final String UNDETERMINED = "und";

    public DetectedLanguage {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code is required");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
    }

    public static DetectedLanguage undetermined() {
        return new DetectedLanguage(UNDETERMINED, 0.0);
    }

    public boolean isDetermined() {
        return !UNDETERMINED.equals(code);
    }
}
