package io.tierline.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnowledgeCounterTest {
    private static final ArticleId ARTICLE = new ArticleId("KB-0123456789ab");

    @Test
    void everyCounterReadsBackFromItsName() {
        List<KnowledgeCounter> all = List.of(KnowledgeCounter.suggestionsShown(), KnowledgeCounter.deflected(),
                KnowledgeCounter.filedAfterSuggestions(), KnowledgeCounter.deflectedBy(ARTICLE),
                KnowledgeCounter.helpful(ARTICLE), KnowledgeCounter.notHelpful(ARTICLE),
                KnowledgeCounter.solvedWith(ARTICLE), KnowledgeCounter.unansweredSearch("reset my token"));
        for (KnowledgeCounter counter : all) {
            assertEquals(Optional.of(counter), KnowledgeCounter.parse(counter.name()), counter.name());
        }
        assertEquals(all.size(), all.stream().map(KnowledgeCounter::name).distinct().count());
    }

    @Test
    void namesAreTheDocumentedOnes() {
        assertEquals("kb|deflected", KnowledgeCounter.deflected().name());
        assertEquals("kb|article|KB-0123456789ab|solved", KnowledgeCounter.solvedWith(ARTICLE).name());
        assertEquals("kb|gap|vpn drops every hour", KnowledgeCounter.unansweredSearch("  VPN  drops|every HOUR ").name());
    }

    @Test
    void longQueriesAreCutAndOtherNamesAreNotKnowledgeCounters() {
        assertEquals(80, KnowledgeCounter.unansweredSearch("x".repeat(200)).query().orElseThrow().length());
        assertEquals(79, KnowledgeCounter.unansweredSearch("word ".repeat(40)).query().orElseThrow().length());
        assertTrue(KnowledgeCounter.parse("escalated").isEmpty());
        assertTrue(KnowledgeCounter.parse("rv|agent|billing|ada|escalated").isEmpty());
        assertTrue(KnowledgeCounter.parse("kb|article|not-an-id|solved").isEmpty());
        assertTrue(KnowledgeCounter.parse("kb|article|KB-0123456789ab|unknown").isEmpty());
        assertTrue(KnowledgeCounter.parse("kb|gap|").isEmpty());
    }
}
