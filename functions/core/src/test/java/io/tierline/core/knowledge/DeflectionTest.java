package io.tierline.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.fakes.InMemoryArticleStore;
import io.tierline.core.fakes.InMemoryKnowledgeCounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The form's check for answers, "this solved my problem" and the article votes, each counted once per key. */
class DeflectionTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");
    private final InMemoryArticleStore store = new InMemoryArticleStore();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final KnowledgeService kb = new KnowledgeService(store, clock);
    private final InMemoryKnowledgeCounts counts = new InMemoryKnowledgeCounts();
    private final Deflection deflection = new Deflection(kb, counts, clock);
    private final Principal sam = Principal.inTeams("sam", Role.SUPERVISOR, Set.of("billing"));

    private ArticleId published(String title, String body) {
        ArticleId id = kb.create(new ArticleContent(title, body, "account", List.of(), "en", Audience.PUBLIC), sam,
                KnowledgeService.Guard.none()).article().id();
        kb.publish(id, sam, KnowledgeService.Guard.none());
        return id;
    }

    @Test
    void aDeflectionIsCountedOncePerFormKey() {
        ArticleId reset = published("Reset your password", "Open the sign-in page and choose forgot password.");

        deflection.solved(reset, "form-1");
        deflection.solved(reset, "form-1");
        deflection.solved(reset, "form-2");

        assertEquals(Map.of("kb|deflected", 2L, "kb|article|" + reset.value() + "|deflected", 2L,
                "kb|suggested", 2L), counts.day(DAY));
    }

    @Test
    void onlyAPublishedArticleSolvesAnything() {
        ArticleId draft = kb.create(new ArticleContent("Draft", "Not yet.", "account", List.of(), "en",
                Audience.PUBLIC), sam, KnowledgeService.Guard.none()).article().id();

        assertThrows(ArticleNotFoundException.class, () -> deflection.solved(draft, "form-1"));
        assertEquals(Map.of(), counts.day(DAY));
    }

    @Test
    void suggestionsShownOnceAndASearchWithoutHitsIsAGap() {
        ArticleId reset = published("Reset your password", "Open the sign-in page and choose forgot password.");

        List<SearchHit> hits = deflection.checkForAnswers("Forgot password", "", "en", "form-1");
        deflection.checkForAnswers("Forgot my password", "please help", "en", "form-1");
        List<SearchHit> none = deflection.checkForAnswers("Quantum  Teleporter", "broken", "en", "form-2");
        deflection.checkForAnswers("Quantum teleporter", "broken again", "en", "form-2");

        assertEquals(List.of(reset), hits.stream().map(SearchHit::id).toList());
        assertTrue(none.isEmpty());
        assertEquals(Map.of("kb|suggested", 1L, "kb|gap|quantum teleporter", 1L), counts.day(DAY));
    }

    @Test
    void aVoteCountsOncePerKey() {
        ArticleId reset = published("Reset your password", "Open the sign-in page and choose forgot password.");

        assertEquals(KnowledgeCounts.Outcome.COUNTED, deflection.vote(reset, true, "k1"));
        assertEquals(KnowledgeCounts.Outcome.REPEATED, deflection.vote(reset, true, "k1"));
        assertEquals(KnowledgeCounts.Outcome.KEY_USED_FOR_OTHER_COUNTERS, deflection.vote(reset, false, "k1"));
        assertEquals(KnowledgeCounts.Outcome.COUNTED, deflection.vote(reset, false, "k2"));

        assertEquals(1L, counts.count(DAY, KnowledgeCounter.helpful(reset)));
        assertEquals(1L, counts.count(DAY, KnowledgeCounter.notHelpful(reset)));
    }
}
