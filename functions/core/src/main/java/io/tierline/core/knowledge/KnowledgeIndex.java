package io.tierline.core.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Okapi BM25 over the published articles' title and body, built once from a {@link KnowledgeSnapshot}. Words are the
 * classifier's ({@link io.tierline.core.classify.Tokenizer}), so a ticket, the triage model and the knowledge base
 * agree on what a word is, without the function words of {@link StopWords} (an article that shares only "the" with a
 * question is no answer).
 * The title counts {@link #TITLE_WEIGHT} times: a title says what an article is about, its body says much else.
 * No search library: a few hundred articles fit in a map, and Lucene would add megabytes to the api's zip.
 */
public final class KnowledgeIndex {
    static final double K1 = 1.2;
    static final double B = 0.75;
    static final int TITLE_WEIGHT = 3;
    private static final int SNIPPET_CHARS = 200;

    private final long version;
    private final List<Entry> entries;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    private record Entry(PublishedArticle article, Map<String, Integer> terms, int length, List<String> sentences) {
    }

    private KnowledgeIndex(KnowledgeSnapshot snapshot) {
        this.version = snapshot.version();
        this.entries = new ArrayList<>();
        long total = 0;
        for (PublishedArticle article : snapshot.articles()) {
            Map<String, Integer> terms = new HashMap<>();
            List<String> title = StopWords.contentWords(article.content().title());
            for (String word : title) {
                terms.merge(word, TITLE_WEIGHT, Integer::sum);
            }
            String body = ArticleMarkdown.plainText(article.content().body());
            List<String> bodyWords = StopWords.contentWords(body);
            bodyWords.forEach(word -> terms.merge(word, 1, Integer::sum));
            int length = title.size() * TITLE_WEIGHT + bodyWords.size();
            total += length;
            terms.keySet().forEach(word -> documentFrequency.merge(word, 1, Integer::sum));
            entries.add(new Entry(article, terms, length, List.of(body.split("(?<=[.!?])\\s+"))));
        }
        this.averageLength = entries.isEmpty() ? 1 : Math.max(1.0, (double) total / entries.size());
    }

    public static KnowledgeIndex of(KnowledgeSnapshot snapshot) {
        return new KnowledgeIndex(snapshot);
    }

    public long version() {
        return version;
    }

    /**
     * The best {@code limit} articles for the query among those the audience may read: in the customer's language
     * first (an answer they can read beats a better one they cannot), each group by score. Articles that share no
     * word with the query are not hits.
     */
    public List<SearchHit> search(String query, String language, Set<Audience> audiences, int limit) {
        Set<String> words = new LinkedHashSet<>(StopWords.contentWords(query));
        List<SearchHit> hits = new ArrayList<>();
        for (Entry entry : entries) {
            ArticleContent content = entry.article().content();
            if (!audiences.contains(content.audience())) {
                continue;
            }
            double score = score(entry, words);
            if (score > 0) {
                hits.add(new SearchHit(entry.article().id(), content.title(), content.category(), content.language(),
                        content.audience(), round(score), snippet(entry, words)));
            }
        }
        hits.sort(Comparator.comparing((SearchHit h) -> language == null || !language.equals(h.language()))
                .thenComparing(Comparator.comparingDouble(SearchHit::score).reversed())
                .thenComparing(h -> h.id().value()));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    private double score(Entry entry, Set<String> words) {
        double score = 0;
        int n = entries.size();
        for (String word : words) {
            int tf = entry.terms().getOrDefault(word, 0);
            if (tf == 0) {
                continue;
            }
            int df = documentFrequency.getOrDefault(word, 0);
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * entry.length() / averageLength));
        }
        return score;
    }

    /** The body's sentence that holds the most distinct query words, shortened to a line. */
    private static String snippet(Entry entry, Set<String> words) {
        String best = entry.sentences().isEmpty() ? "" : entry.sentences().get(0);
        int bestCount = -1;
        for (String sentence : entry.sentences()) {
            Set<String> found = new HashSet<>(StopWords.contentWords(sentence));
            found.retainAll(words);
            if (found.size() > bestCount) {
                best = sentence;
                bestCount = found.size();
            }
        }
        return best.length() <= SNIPPET_CHARS ? best : best.substring(0, SNIPPET_CHARS - 1).strip() + "…";
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
