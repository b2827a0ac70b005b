package io.tierline.core.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells which language a ticket is written in, offline and in microseconds, from small word lists (function words and
 * support vocabulary per language, in {@code language/<code>.txt}) and spelling cues ({@code language/cues.txt}:
 * letters such as ß or ã, endings such as -ção or -zione). Support tickets are short and full of product names,
 * so a handful of function words decides more reliably than character statistics trained on literature would; a
 * word found in several lists counts for each, split between them.
 *
 * <p>Confidence is the best language's share of all evidence times {@code 1 - e^-evidence}: one matching word gives
 * at most 0.63, a clear sentence close to 1. Below {@value #MIN_CONFIDENCE}, or on a tie, the answer is
 * {@value DetectedLanguage#UNDETERMINED}.
 */
public final class LanguageDetector {

    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "pt", "it", "nl");
    static final double MIN_CONFIDENCE = 0.4;
    private static final double CUE_WEIGHT = 0.5;
    /** Long tickets (mail threads, logs) are decided well before this, and it bounds the time per ticket. */
    private static final int MAX_CHARS = 4000;

    private static final LanguageDetector DEFAULT = new LanguageDetector();

    private final Map<String, Integer> wordLanguages = new HashMap<>();
    private final List<Cue> cues = new ArrayList<>();

    private enum CueKind { CHAR, SUFFIX, CONTAINS }

    private record Cue(CueKind kind, String value, int languages) {

        boolean foundIn(String word) {
            switch (kind) {
                case SUFFIX:
                    return word.length() > value.length() && word.endsWith(value);
                case CHAR:
                case CONTAINS:
                default:
                    return word.contains(value);
            }
        }
    }

    private LanguageDetector() {
        for (int l = 0; l < LANGUAGES.size(); l++) {
            int bit = 1 << l;
            for (String word : ResourceLines.read("language/" + LANGUAGES.get(l) + ".txt")) {
                wordLanguages.merge(word, bit, (a, b) -> a | b);
            }
        }
        for (String line : ResourceLines.read("language/cues.txt")) {
            String[] fields = line.split("\\s+");
            int languages = 0;
            for (int i = 2; i < fields.length; i++) {
                int index = LANGUAGES.indexOf(fields[i]);
                if (index < 0) {
                    throw new IllegalStateException("unknown language in cue: " + line);
                }
                languages |= 1 << index;
            }
            cues.add(new Cue(CueKind.valueOf(fields[0].toUpperCase(Locale.ROOT)), fields[1], languages));
        }
    }

    /** The detector with the built-in word lists; immutable and shared. */
    public static LanguageDetector defaults() {
        return DEFAULT;
    }

    public DetectedLanguage detect(String subject, String description) {
        return detect(TicketText.of(subject, description));
    }

    public DetectedLanguage detect(String text) {
        String sample = text == null ? "" : text.substring(0, Math.min(text.length(), MAX_CHARS));
        double[] evidence = new double[LANGUAGES.size()];
        for (String word : Tokenizer.words(sample)) {
            Integer languages = wordLanguages.get(word);
            if (languages != null) {
                share(evidence, languages, 1.0);
            }
            for (Cue cue : cues) {
                if (cue.foundIn(word)) {
                    share(evidence, cue.languages(), CUE_WEIGHT);
                }
            }
        }
        return decide(evidence);
    }

    private static void share(double[] evidence, int languages, double weight) {
        double part = weight / Integer.bitCount(languages);
        for (int l = 0; l < evidence.length; l++) {
            if ((languages & (1 << l)) != 0) {
                evidence[l] += part;
            }
        }
    }

    private static DetectedLanguage decide(double[] evidence) {
        int best = 0;
        double total = 0;
        for (int l = 0; l < evidence.length; l++) {
            total += evidence[l];
            if (evidence[l] > evidence[best]) {
                best = l;
            }
        }
        for (int l = 0; l < evidence.length; l++) {
            if (l != best && evidence[l] == evidence[best]) {
                return DetectedLanguage.undetermined();
            }
        }
        if (total == 0) {
            return DetectedLanguage.undetermined();
        }
        double confidence = evidence[best] / total * (1 - Math.exp(-evidence[best]));
        return confidence < MIN_CONFIDENCE
                ? DetectedLanguage.undetermined()
                : new DetectedLanguage(LANGUAGES.get(best), confidence);
    }
}
