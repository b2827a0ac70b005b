package io.tierline.bench;

import io.tierline.core.classify.Tokenizer;
import io.tierline.core.knowledge.ArticleContent;
import io.tierline.core.knowledge.ArticleId;
import io.tierline.core.knowledge.Audience;
import io.tierline.core.knowledge.KnowledgeIndex;
import io.tierline.core.knowledge.KnowledgeSnapshot;
import io.tierline.core.knowledge.PublishedArticle;
import io.tierline.core.knowledge.SearchHit;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * How often the knowledge base's search puts an article of the ticket's own category in its top 3, on real labelled
 * tickets (../shared/datasets/endava-it-tickets.csv): 80 % of the tickets (fixed seed) become articles, the other 20 %
 * are the customers' questions. Against plain keyword overlap (most shared distinct words) in the same run, and the
 * share a constant guess of the largest category would reach.
 */
public final class KbSearchBenchmark {
    private record Row(String title, String body, String category) {
        String text() {
            return title + " " + body;
        }
    }

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(System.getProperty("tierline.project.root", ".")).resolve("../shared/datasets")
                .resolve("endava-it-tickets.csv").normalize();
        if (!Files.isReadable(csv)) {
            System.out.println("kb-search: skipped, " + csv + " is absent (the shared data sets)");
            return;
        }
        List<Row> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.add(new Row(r.get("title"), r.get("body"), r.get("category")));
            }
        }
        Collections.shuffle(rows, new Random(16));
        int cut = rows.size() * 4 / 5;
        List<Row> articles = rows.subList(0, cut);
        List<Row> questions = rows.subList(cut, rows.size());
        System.out.printf("kb-search: %d tickets, %d as articles, %d as questions (seed 16)%n", rows.size(),
                articles.size(), questions.size());

        Map<ArticleId, String> categoryOf = new HashMap<>();
        List<PublishedArticle> published = new ArrayList<>();
        List<Set<String>> articleWords = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            Row a = articles.get(i);
            ArticleId id = new ArticleId(String.format("KB-%012x", i));
            categoryOf.put(id, a.category());
            published.add(new PublishedArticle(id, new ArticleContent(a.title().isBlank() ? "untitled" : a.title(),
                    a.body(), a.category(), List.of(), "en", Audience.PUBLIC)));
            articleWords.add(new HashSet<>(Tokenizer.words(a.text())));
        }
        long built = System.nanoTime();
        KnowledgeIndex index = KnowledgeIndex.of(new KnowledgeSnapshot(1, published));
        System.out.printf("index built in %.0f ms%n", (System.nanoTime() - built) / 1e6);

        Score bm25 = new Score();
        Score overlap = new Score();
        for (int q = 0; q < questions.size(); q++) {
            Row question = questions.get(q);
            long t0 = System.nanoTime();
            List<SearchHit> hits = index.search(question.text(), "en", Set.of(Audience.PUBLIC), 3);
            bm25.add(question.category(), hits.stream().map(h -> categoryOf.get(h.id())).toList(),
                    System.nanoTime() - t0);
            t0 = System.nanoTime();
            List<String> top = keywordOverlap(question.text(), articleWords).stream()
                    .map(i -> articles.get(i).category()).toList();
            overlap.add(question.category(), top, System.nanoTime() - t0);
            if ((q + 1) % 200 == 0) {
                System.out.printf("  %d/%d questions%n", q + 1, questions.size());
            }
        }
        Map<String, Long> sizes = new HashMap<>();
        questions.forEach(r -> sizes.merge(r.category(), 1L, Long::sum));
        double majority = Collections.max(sizes.values()) / (double) questions.size();
        System.out.println();
        System.out.printf("%-34s %9s %9s %9s %14s%n", "top-3 share the ticket's category", "any of 3", "top 1",
                "3 of 3 avg", "median µs/query");
        bm25.print("BM25 (KnowledgeIndex)");
        overlap.print("keyword overlap (baseline)");
        System.out.printf("%-34s %9s %8.1f%%%n", "largest category, always", "", 100 * majority);
        System.out.printf("%nBM25 / baseline: any of 3 %.3fx, top 1 %.3fx; median time %.2fx%n",
                bm25.any() / overlap.any(), bm25.first() / overlap.first(), bm25.median() / overlap.median());
    }

    /** The three articles that share the most distinct words with the question; ties to the earlier article. */
    private static List<Integer> keywordOverlap(String question, List<Set<String>> articleWords) {
        Set<String> words = new HashSet<>(Tokenizer.words(question));
        List<int[]> scored = new ArrayList<>();
        for (int i = 0; i < articleWords.size(); i++) {
            int shared = 0;
            for (String w : words) {
                if (articleWords.get(i).contains(w)) {
                    shared++;
                }
            }
            if (shared > 0) {
                scored.add(new int[] {i, shared});
            }
        }
        scored.sort(Comparator.comparingInt((int[] s) -> -s[1]).thenComparingInt(s -> s[0]));
        return scored.stream().limit(3).map(s -> s[0]).toList();
    }

    private static final class Score {
        int questions;
        int any;
        int first;
        int sameOfThree;
        final List<Long> nanos = new ArrayList<>();

        void add(String category, List<String> top, long took) {
            questions++;
            any += top.contains(category) ? 1 : 0;
            first += !top.isEmpty() && top.get(0).equals(category) ? 1 : 0;
            sameOfThree += (int) top.stream().filter(category::equals).count();
            nanos.add(took);
        }

        double any() {
            return any / (double) questions;
        }

        double first() {
            return first / (double) questions;
        }

        double median() {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2) / 1e3;
        }

        void print(String name) {
            System.out.printf("%-34s %8.1f%% %8.1f%% %8.1f%% %14.0f%n", name, 100 * any(), 100 * first(),
                    100 * sameOfThree / (3.0 * questions), median());
        }
    }
}
