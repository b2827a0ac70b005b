package io.tierline.core.knowledge;

import java.util.Locale;
import java.util.Optional;

/**
 * One counter of the knowledge base's figures (deflection, helpful votes, tickets solved with an article, searches
 * without a good answer), kept in the same per-day counter items as the reports ({@code TicketReports.days}) under a
 * name starting with {@code kb|}. The customer's side writes them on its own (a deflection has no ticket); a ticket
 * solved with an article is counted in the ticket's own transaction. Both sides and the report that reads them use
 * this one type, so a name is made and read in one place.
 *
 * @param measure what is counted
 * @param article the article it is about, for the per-article measures
 * @param query   the normalised search words, for {@link Measure#UNANSWERED_SEARCH}
 */
public record KnowledgeCounter(Measure measure, Optional<ArticleId> article, Optional<String> query) {
    static final String PREFIX = "kb|";
    private static final String ARTICLE = "article|";
    private static final String GAP = "gap|";
    /** Queries are counted by their first words only, so one counter name stays short. */
    private static final int MAX_QUERY_LENGTH = 80;

    public enum Measure {
        /** The form showed suggestions to a customer (one per check-for-answers or suggestion session). */
        SUGGESTIONS_SHOWN("suggested", false),
        /** The customer said an article solved the problem: no ticket was filed. */
        DEFLECTED("deflected", false),
        /** The customer saw suggestions and filed the ticket anyway. */
        FILED_AFTER_SUGGESTIONS("filed-after-suggestions", false),
        /** Per article: it was the one that solved the customer's problem on the form. */
        ARTICLE_DEFLECTED("deflected", true),
        ARTICLE_HELPFUL("helpful", true),
        ARTICLE_NOT_HELPFUL("not-helpful", true),
        /** Per article: an agent solved a ticket with it. */
        ARTICLE_SOLVED("solved", true),
        /** A search (or a form's check for answers) that found no good answer: a content gap. */
        UNANSWERED_SEARCH("gap", false);

        private final String code;
        private final boolean perArticle;

        Measure(String code, boolean perArticle) {
            this.code = code;
            this.perArticle = perArticle;
        }

        public boolean perArticle() {
            return perArticle;
        }
    }

    public KnowledgeCounter {
        if (measure.perArticle() != article.isPresent()) {
            throw new IllegalArgumentException(measure + (measure.perArticle() ? " needs" : " takes no") + " article");
        }
        if ((measure == Measure.UNANSWERED_SEARCH) != query.isPresent()) {
            throw new IllegalArgumentException(measure + " and a query go together");
        }
    }

    public static KnowledgeCounter suggestionsShown() {
        return new KnowledgeCounter(Measure.SUGGESTIONS_SHOWN, Optional.empty(), Optional.empty());
    }

    public static KnowledgeCounter deflected() {
        return new KnowledgeCounter(Measure.DEFLECTED, Optional.empty(), Optional.empty());
    }

    public static KnowledgeCounter filedAfterSuggestions() {
        return new KnowledgeCounter(Measure.FILED_AFTER_SUGGESTIONS, Optional.empty(), Optional.empty());
    }

    public static KnowledgeCounter deflectedBy(ArticleId article) {
        return new KnowledgeCounter(Measure.ARTICLE_DEFLECTED, Optional.of(article), Optional.empty());
    }

    public static KnowledgeCounter helpful(ArticleId article) {
        return new KnowledgeCounter(Measure.ARTICLE_HELPFUL, Optional.of(article), Optional.empty());
    }

    public static KnowledgeCounter notHelpful(ArticleId article) {
        return new KnowledgeCounter(Measure.ARTICLE_NOT_HELPFUL, Optional.of(article), Optional.empty());
    }

    public static KnowledgeCounter solvedWith(ArticleId article) {
        return new KnowledgeCounter(Measure.ARTICLE_SOLVED, Optional.of(article), Optional.empty());
    }

    /** A search without a good answer, counted by its words (lower case, single spaces, "|" dropped, cut at 80). */
    public static KnowledgeCounter unansweredSearch(String words) {
        String normal = words.toLowerCase(Locale.ROOT).replace('|', ' ').trim().replaceAll("\\s+", " ");
        if (normal.isEmpty()) {
            throw new IllegalArgumentException("an unanswered search needs words");
        }
        if (normal.length() > MAX_QUERY_LENGTH) {
            normal = normal.substring(0, MAX_QUERY_LENGTH).trim();
        }
        return new KnowledgeCounter(Measure.UNANSWERED_SEARCH, Optional.empty(), Optional.of(normal));
    }

    /** The counter's name in the day item: {@code kb|deflected}, {@code kb|article|KB-…|helpful}, {@code kb|gap|…}. */
    public String name() {
        if (measure.perArticle()) {
            return PREFIX + ARTICLE + article.orElseThrow().value() + "|" + measure.code;
        }
        if (measure == Measure.UNANSWERED_SEARCH) {
            return PREFIX + GAP + query.orElseThrow();
        }
        return PREFIX + measure.code;
    }

    /** The counter a day item's name stands for, or empty when the name is not a knowledge-base counter. */
    public static Optional<KnowledgeCounter> parse(String name) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = name.substring(PREFIX.length());
        if (rest.startsWith(GAP)) {
            String words = rest.substring(GAP.length());
            return words.isBlank() ? Optional.empty() : Optional.of(unansweredSearch(words));
        }
        if (rest.startsWith(ARTICLE)) {
            String[] parts = rest.substring(ARTICLE.length()).split("\\|", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            for (Measure m : Measure.values()) {
                if (m.perArticle() && m.code.equals(parts[1])) {
                    try {
                        return Optional.of(new KnowledgeCounter(m, Optional.of(new ArticleId(parts[0])), Optional.empty()));
                    } catch (RuntimeException notAnId) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
        for (Measure m : Measure.values()) {
            if (!m.perArticle() && m != Measure.UNANSWERED_SEARCH && m.code.equals(rest)) {
                return Optional.of(new KnowledgeCounter(m, Optional.empty(), Optional.empty()));
            }
        }
        return Optional.empty();
    }
}
