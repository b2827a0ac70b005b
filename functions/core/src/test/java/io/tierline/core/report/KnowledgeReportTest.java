package io.tierline.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tierline.core.fakes.InMemoryArticleStore;
import io.tierline.core.knowledge.Article;
import io.tierline.core.knowledge.ArticleContent;
import io.tierline.core.knowledge.ArticleId;
import io.tierline.core.knowledge.Audience;
import io.tierline.core.knowledge.KnowledgeCounter;
import io.tierline.core.port.DayCounts;
import io.tierline.core.port.TicketReports;
import io.tierline.core.report.KnowledgeReport.ArticleFigures;
import io.tierline.core.report.KnowledgeReport.Gap;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import io.tierline.core.fakes.FakeWorld;
import io.tierline.core.fakes.ScenarioPolicy;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.ticket.ArticleRef;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The knowledge figures from day counters seeded by name, as both writers write them: every figure exact. */
class KnowledgeReportTest {
    static final LocalDate D1 = LocalDate.parse("2026-11-23");
    static final LocalDate D2 = D1.plusDays(1);
    final ArticleId vat = new ArticleId("KB-00000000000a");
    final ArticleId login = new ArticleId("KB-00000000000b");
    final ArticleId gone = new ArticleId("KB-00000000000c");
    final Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
    final InMemoryArticleStore articles = new InMemoryArticleStore();
    final TicketReports reports = new TicketReports() {
        @Override
        public List<DayCounts> days(LocalDate first, LocalDate last) {
            return first.datesUntil(last.plusDays(1))
                    .map(d -> new DayCounts(d, days.getOrDefault(d, Map.of()))).toList();
        }

        @Override
        public List<QueuedTicket> queue(String team, Status status, int max) {
            return List.of();
        }

        @Override
        public List<SolvedTicket> solvedWithCause(CauseQuery query) {
            return List.of();
        }
    };
    final KnowledgeReport report = new KnowledgeReport(reports, articles);

    void count(LocalDate day, KnowledgeCounter counter, long n) {
        days.computeIfAbsent(day, d -> new HashMap<>()).merge(counter.name(), n, Long::sum);
    }

    void article(ArticleId id, String title) {
        articles.save(Article.create(id, new ArticleContent(title, "body", "billing", List.of(), "en", Audience.PUBLIC),
                new Actor(Actor.Kind.SUPERVISOR, "sam"), Instant.parse("2026-11-01T00:00:00Z"), Optional.empty()), 0);
    }

    @Test
    void figuresOverThePeriodJoinedWithTitles() {
        article(vat, "Fix the VAT on an invoice");
        article(login, "Reset your password");
        count(D1, KnowledgeCounter.suggestionsShown(), 10);
        count(D2, KnowledgeCounter.suggestionsShown(), 5);
        count(D1, KnowledgeCounter.deflected(), 3);
        count(D2, KnowledgeCounter.deflected(), 3);
        count(D2, KnowledgeCounter.filedAfterSuggestions(), 2);
        count(D1, KnowledgeCounter.deflectedBy(vat), 4);
        count(D2, KnowledgeCounter.deflectedBy(login), 2);
        count(D1, KnowledgeCounter.solvedWith(login), 2);
        count(D2, KnowledgeCounter.solvedWith(login), 1);
        count(D2, KnowledgeCounter.solvedWith(gone), 1);
        count(D1, KnowledgeCounter.helpful(vat), 3);
        count(D1, KnowledgeCounter.notHelpful(vat), 1);
        count(D2, KnowledgeCounter.helpful(login), 5);
        for (int i = 0; i < 12; i++) {
            count(D1, KnowledgeCounter.unansweredSearch("query " + (char) ('a' + i)), i + 1);
        }
        count(D2, KnowledgeCounter.unansweredSearch("Query  A"), 20);
        days.get(D1).put("escalated", 7L); // not a knowledge counter: ignored
        days.put(D2.plusDays(1), Map.of(KnowledgeCounter.deflected().name(), 100L)); // outside the period

        KnowledgeReport.Figures f = report.figures(D1, D2);

        assertEquals(15, f.deflection().suggestionsShown());
        assertEquals(6, f.deflection().deflected());
        assertEquals(2, f.deflection().filedAfterSuggestions());
        assertEquals(0.75, f.deflection().deflectionRate());
        assertEquals(10, f.contentGaps().size());
        assertEquals(new Gap("query a", 21), f.contentGaps().get(0));
        assertEquals(new Gap("query l", 12), f.contentGaps().get(1));
        assertEquals(new Gap("query d", 4), f.contentGaps().get(9)); // a, l, k … d: "query c" (3) and "query b" (2) fall off
        assertEquals(List.of(new ArticleFigures(login.value(), "Reset your password", 3, 2, 5, 0, 1.0),
                new ArticleFigures(gone.value(), null, 1, 0, 0, 0, null)), f.articles().bySolved());
        assertEquals(List.of(new ArticleFigures(login.value(), "Reset your password", 3, 2, 5, 0, 1.0),
                new ArticleFigures(vat.value(), "Fix the VAT on an invoice", 0, 4, 3, 1, 0.75)),
                f.articles().byHelpful());
        assertEquals(List.of(vat.value(), login.value()),
                f.articles().byDeflected().stream().map(ArticleFigures::id).toList());
    }

    /** A ticket solved with an article moves its counter in the ticket's own write; a plain solve moves none. */
    @Test
    void aTicketSolvedWithAnArticleCountsForIt() throws Exception {
        FakeWorld world = new FakeWorld(PolicyDocument.parse(ScenarioPolicy.document()),
                Instant.parse("2026-11-23T08:00:00Z"), Duration.ofMinutes(2));
        Actor agent = new Actor(Actor.Kind.AGENT, "alice");
        for (ArticleRef with : java.util.Arrays.asList(new ArticleRef(login.value()), null)) {
            TicketId id = world.file(new TicketDraft(new TicketDraft.Asked("Cannot log in",
                    "Password reset mail never comes."),
                    new Requester("Pia", "pia@example.com", "acme", "basic"), Channel.WEB,
                    new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM), new TicketDraft.Topic(null, List.of())));
            world.store.apply(List.of(world.ticket(id).resolve("Sent the reset article.", null, with, agent,
                    world.clock.instant())), Optional.empty());
            if (with != null) {
                TicketEvent.Resolved resolved = (TicketEvent.Resolved) world.history(id).events().stream()
                        .filter(e -> e instanceof TicketEvent.Resolved).findFirst().orElseThrow();
                assertEquals(with, resolved.solvedWith());
            }
        }
        article(login, "Reset your password");
        KnowledgeReport.Figures f = new KnowledgeReport(world.store.reports(), articles).figures(D1, D1);
        assertEquals(List.of(new ArticleFigures(login.value(), "Reset your password", 1, 0, 0, 0, null)),
                f.articles().bySolved());
    }

    @Test
    void anEmptyPeriodHasNoRates() {
        KnowledgeReport.Figures f = report.figures(D1, D1);
        assertEquals(0, f.deflection().suggestionsShown());
        assertNull(f.deflection().deflectionRate());
        assertEquals(List.of(), f.contentGaps());
        assertThrows(IllegalArgumentException.class, () -> report.figures(D1, D1.plusDays(366)));
    }
}
