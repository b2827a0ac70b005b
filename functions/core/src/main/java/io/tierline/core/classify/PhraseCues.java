package io.tierline.core.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted phrases found as whole words in ticket text, read from a cue list ({@code KIND WEIGHT PHRASE} a line).
 * Shared by the frustration signal and the escalation-risk fallback so both read text the same way. Phrases are
 * indexed by their first word, so finding them costs one lookup per word of the text, not one scan per phrase.
 */
final class PhraseCues {

    /** One phrase of a cue list; a phrase listed twice keeps its larger weight. */
    record Cue(String kind, double weight, String phrase) {
    }

    private final List<Cue> cues;
    private final List<List<String>> phraseWords = new ArrayList<>();
    private final Map<String, List<Integer>> cuesByFirstWord = new HashMap<>();

    private PhraseCues(List<Cue> cues) {
        this.cues = List.copyOf(cues);
        for (int i = 0; i < this.cues.size(); i++) {
            List<String> words = Arrays.asList(this.cues.get(i).phrase().split(" "));
            phraseWords.add(words);
            cuesByFirstWord.computeIfAbsent(words.get(0), word -> new ArrayList<>()).add(i);
        }
    }

    static PhraseCues load(String resource) {
        Map<String, Cue> byPhrase = new LinkedHashMap<>();
        for (String line : ResourceLines.read(resource)) {
            String[] fields = line.split("\\s+", 3);
            if (fields.length < 3) {
                throw new IllegalStateException(resource + ": expected KIND WEIGHT PHRASE, got: " + line);
            }
            Cue cue = new Cue(fields[0], Double.parseDouble(fields[1]), String.join(" ", Tokenizer.words(fields[2])));
            if (!(cue.weight() > 0 && cue.weight() < 1) || cue.phrase().isEmpty()) {
                throw new IllegalStateException(resource + ": weight must be within (0, 1), phrase not empty: " + line);
            }
            byPhrase.merge(cue.phrase(), cue, (a, b) -> a.weight() >= b.weight() ? a : b);
        }
        return new PhraseCues(new ArrayList<>(byPhrase.values()));
    }

    /** The cues found in {@code text}, each once however often it occurs, in the order of the cue list. */
    List<Cue> findIn(String text) {
        List<String> words = Tokenizer.words(text);
        BitSet found = new BitSet(cues.size());
        for (int start = 0; start < words.size(); start++) {
            for (int index : cuesByFirstWord.getOrDefault(words.get(start), List.of())) {
                List<String> phrase = phraseWords.get(index);
                if (start + phrase.size() <= words.size()
                        && words.subList(start, start + phrase.size()).equals(phrase)) {
                    found.set(index);
                }
            }
        }
        List<Cue> result = new ArrayList<>(found.cardinality());
        found.stream().forEach(index -> result.add(cues.get(index)));
        return result;
    }
}
