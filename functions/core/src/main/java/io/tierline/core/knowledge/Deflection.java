package io.tierline.core.knowledge;

import java.time.Clock;
import java.util.List;

/**
 * The customer's side of tier 0 on the support form: the check for answers (suggestions shown, or a content gap when
 * nothing was found), "this solved my problem" (a deflection, no ticket) and the helpful votes of the public article
 * page. Each is counted once per form key (or Idempotency-Key), so a double click or a retried post counts once.
 */
public class Deflection {
    /** The form shows this many suggestions. */
    public static final int SUGGESTIONS = 3;

    private final KnowledgeService knowledge;
    private final KnowledgeCounts counts;
    private final Clock clock;

    public Deflection(KnowledgeService knowledge, KnowledgeCounts counts, Clock clock) {
        this.knowledge = knowledge;
        this.counts = counts;
        this.clock = clock;
    }

    /**
     * The suggestions for what the customer typed. Any hit is a suggestion worth showing: BM25 scores are not
     * comparable between queries (they grow with the query's length and the words' rarity), so a fixed threshold
     * would hide good answers to short questions; a search with no hit at all is the content gap.
     */
    public List<SearchHit> checkForAnswers(String subject, String description, String language, String formKey) {
        String query = (subject + " " + description).trim();
        if (query.isEmpty()) {
            return List.of();
        }
        List<SearchHit> hits = knowledge.search(query, language, false, SUGGESTIONS);
        if (hits.isEmpty()) {
            // the gap is counted under the subject: the words a report can show, not a whole description
            counts.add(clock.instant(), List.of(KnowledgeCounter.unansweredSearch(subject.isBlank() ? query : subject)),
                    "gap|" + formKey);
        } else {
            shown(formKey);
        }
        return hits;
    }

    /**
     * Suggestions were shown for this form: by the server's check for answers, or by the page's script (known when
     * the form comes back solved or with articles seen). One key for all three, so a form counts once.
     */
    public void shown(String formKey) {
        counts.add(clock.instant(), List.of(KnowledgeCounter.suggestionsShown()), "shown|" + formKey);
    }

    /**
     * The customer says the article solved the problem: no ticket, and the deflection is counted once per form key.
     * Only a public, published article can solve anything: any other is not found.
     *
     * @return the article, for the thank-you page, and whether this post counted it (false for a repeat)
     */
    public Solved solved(ArticleId article, String formKey) {
        Article read = knowledge.readPublic(article);
        shown(formKey);
        boolean counted = counts.add(clock.instant(), List.of(KnowledgeCounter.deflected(),
                KnowledgeCounter.deflectedBy(article)), "solved|" + formKey).counted();
        return new Solved(read, counted);
    }

    /** What "this solved my problem" answers. */
    public record Solved(Article article, boolean counted) {
    }

    /**
     * A "was this article helpful?" vote, counted once per key: a repeat changes nothing, and so does the key's use
     * for the other answer, which the outcome tells apart (an API client reusing a key for another request).
     */
    public KnowledgeCounts.Outcome vote(ArticleId article, boolean helpful, String key) {
        knowledge.readPublic(article);
        KnowledgeCounter counter = helpful ? KnowledgeCounter.helpful(article) : KnowledgeCounter.notHelpful(article);
        return counts.add(clock.instant(), List.of(counter), "vote|" + article.value() + "|" + key);
    }
}
