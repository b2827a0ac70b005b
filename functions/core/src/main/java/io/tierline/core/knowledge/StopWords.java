package io.tierline.core.knowledge;

import io.tierline.core.classify.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Function words ("the", "der", "le", …) of the languages triage detects, which the knowledge search ignores in both
 * the articles and the query: with so few articles BM25 gives even "the" a weight, and a customer asking about a
 * refund was shown an article about toner because both said "the". One set for all languages (files
 * {@code stopwords/<lang>.txt}, after the Snowball project's lists): a query in one language and an article in
 * another still share no function word, and the few words that are content in one language and function in another
 * ("die") cost less than a per-language guess of a short subject's language.
 */
final class StopWords {
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "pt", "it", "nl");
    private static final Set<String> WORDS = load();

    private StopWords() {
    }

    /** The words of {@code text} as the search sees them: the classifier's words without the function words. */
    static List<String> contentWords(String text) {
        return Tokenizer.words(text).stream().filter(w -> !WORDS.contains(w)).toList();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        for (String language : LANGUAGES) {
            String name = "stopwords/" + language + ".txt";
            try (InputStream in = StopWords.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + name);
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.startsWith("#")) {
                        // through the tokenizer, so a list word is compared in the form the search sees
                        words.addAll(Tokenizer.words(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(words);
    }
}
