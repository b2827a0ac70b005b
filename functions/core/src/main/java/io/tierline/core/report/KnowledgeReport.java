package io.tierline.core.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tierline.core.knowledge.Article;
import io.tierline.core.knowledge.ArticleId;
import io.tierline.core.knowledge.ArticleStore;
import io.tierline.core.knowledge.KnowledgeCounter;
import io.tierline.core.knowledge.KnowledgeCounter.Measure;
import io.tierline.core.port.DayCounts;
import io.tierline.core.port.TicketReports;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge base's figures for supervisors (issue 16, step 5): deflection rate, suggestions shown, content gaps
 * and the articles that work. Reads the {@link KnowledgeCounter}s of the day items (one BatchGetItem per 100 days),
 * written by the support form's side and by the ticket writes; the article titles come from the articles themselves.
 */
public final class KnowledgeReport {
    public static final int MAX_DAYS = ReviewService.MAX_DAYS;
    public static final int TOP_GAPS = 10;

    private final TicketReports reports;
    private final ArticleStore articles;

    public KnowledgeReport(TicketReports reports, ArticleStore articles) {
        this.reports = reports;
        this.articles = articles;
    }

    /** A search without a good answer and how often it was made in the period. */
    public record Gap(String query, long searches) {
    }

    /**
     * One article's figures; {@code helpfulShare} is helpful / (helpful + not helpful), null without votes.
     * {@code title} is null when the article no longer exists.
     */
    public record ArticleFigures(String id, String title, long solved, long deflected, long helpful, long notHelpful,
                                 Double helpfulShare) {
    }

    /** The knowledge base's figures over a period; one flat JSON object. */
    public record Figures(LocalDate from, LocalDate to, @JsonUnwrapped Deflection deflection, List<Gap> contentGaps,
                          @JsonUnwrapped Rankings articles) {
    }

    /**
     * How often suggestions kept a ticket from being filed.
     *
     * @param deflectionRate deflected / (deflected + filed after suggestions), null when neither happened
     */
    public record Deflection(long suggestionsShown, long deflected, long filedAfterSuggestions,
                             Double deflectionRate) {
    }

    /**
     * @param bySolved    articles that solved tickets, most first
     * @param byHelpful   articles with votes, most helpful votes first
     * @param byDeflected articles that kept tickets from being filed, most first
     */
    public record Rankings(List<ArticleFigures> bySolved, List<ArticleFigures> byHelpful,
                           List<ArticleFigures> byDeflected) {
    }

    public Figures figures(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("the period must be from 1 to " + MAX_DAYS + " days");
        }
        Map<Measure, Long> totals = new EnumMap<>(Measure.class);
        Map<String, Long> gaps = new HashMap<>();
        Map<ArticleId, Map<Measure, Long>> perArticle = new HashMap<>();
        for (DayCounts day : reports.days(from, to)) {
            day.counts().forEach((name, n) -> KnowledgeCounter.parse(name).ifPresent(c -> {
                if (c.measure() == Measure.UNANSWERED_SEARCH) {
                    gaps.merge(c.query().orElseThrow(), n, Long::sum);
                } else if (c.measure().perArticle()) {
                    perArticle.computeIfAbsent(c.article().orElseThrow(), a -> new EnumMap<>(Measure.class))
                            .merge(c.measure(), n, Long::sum);
                } else {
                    totals.merge(c.measure(), n, Long::sum);
                }
            }));
        }
        long deflected = totals.getOrDefault(Measure.DEFLECTED, 0L);
        long filed = totals.getOrDefault(Measure.FILED_AFTER_SUGGESTIONS, 0L);
        List<Gap> topGaps = gaps.entrySet().stream().map(e -> new Gap(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Gap::searches).reversed().thenComparing(Gap::query))
                .limit(TOP_GAPS).toList();
        List<ArticleFigures> rows = new ArrayList<>();
        perArticle.forEach((id, m) -> rows.add(row(id, m)));
        return new Figures(from, to, new Deflection(totals.getOrDefault(Measure.SUGGESTIONS_SHOWN, 0L), deflected,
                filed, ratio(deflected, deflected + filed)), topGaps, new Rankings(ranked(rows, ArticleFigures::solved),
                ranked(rows, ArticleFigures::helpful), ranked(rows, ArticleFigures::deflected)));
    }

    private ArticleFigures row(ArticleId id, Map<Measure, Long> m) {
        long helpful = m.getOrDefault(Measure.ARTICLE_HELPFUL, 0L);
        long notHelpful = m.getOrDefault(Measure.ARTICLE_NOT_HELPFUL, 0L);
        String title = articles.find(id).map(Article::content).map(c -> c.title()).orElse(null);
        return new ArticleFigures(id.value(), title, m.getOrDefault(Measure.ARTICLE_SOLVED, 0L),
                m.getOrDefault(Measure.ARTICLE_DEFLECTED, 0L), helpful, notHelpful,
                ratio(helpful, helpful + notHelpful));
    }

    /** The articles with a non-zero figure, highest first, then by id so equal figures keep one order. */
    private static List<ArticleFigures> ranked(List<ArticleFigures> rows,
                                               java.util.function.ToLongFunction<ArticleFigures> figure) {
        return rows.stream().filter(r -> figure.applyAsLong(r) > 0)
                .sorted(Comparator.comparingLong(figure).reversed().thenComparing(ArticleFigures::id)).toList();
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
