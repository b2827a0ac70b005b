package io.tierline.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.access.ForbiddenException;
import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.fakes.InMemoryArticleStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ranking, audiences, languages, the lifecycle and its guards, and the index cached by version. */
class KnowledgeSearchTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final InMemoryArticleStore store = new InMemoryArticleStore();
    private final KnowledgeService kb = new KnowledgeService(store, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Principal sam = Principal.inTeams("sam", Role.SUPERVISOR, Set.of("billing"));
    private final Principal ada = Principal.inTeams("ada", Role.AGENT, Set.of("billing"));

    private static ArticleContent content(String title, String body, String language, Audience audience) {
        return new ArticleContent(title, body, "account", List.of(), language, audience);
    }

    private ArticleId published(String title, String body, String language, Audience audience) {
        ArticleId id = kb.create(content(title, body, language, audience), sam, KnowledgeService.Guard.none())
                .article().id();
        kb.publish(id, sam, KnowledgeService.Guard.none());
        return id;
    }

    private static List<ArticleId> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }

    @Test
    void ranksByBm25WithTheTitleWeighingMost() {
        ArticleId reset = published("Reset your password", "Open the sign-in page and choose forgot password.",
                "en", Audience.PUBLIC);
        ArticleId invoice = published("Download an invoice", "Invoices are under Billing. A password is not needed.",
                "en", Audience.PUBLIC);
        published("Change your plan", "Plans are changed under Billing.", "en", Audience.PUBLIC);

        List<SearchHit> hits = kb.search("I forgot my password", "en", false, 5);

        assertEquals(List.of(reset, invoice), ids(hits));
        assertTrue(hits.get(0).score() > hits.get(1).score());
        assertEquals("Open the sign-in page and choose forgot password.", hits.get(0).snippet());
        assertEquals("A password is not needed.", hits.get(1).snippet());
    }

    @Test
    void anArticleThatSharesOnlyFunctionWordsWithTheQuestionIsNoAnswer() {
        ArticleId toner = published("Toner smudges on printed pages", "Clean the fuser roller, then print the page "
                + "again.", "en", Audience.PUBLIC);
        assertEquals(List.of(), kb.search("Refund for a duplicate invoice. Invoice INV-77 was charged twice; I need a "
                + "refund above the usual limit.", "en", false, 5), "they share only 'the' and 'a'");
        assertEquals(List.of(), kb.search("Die Rechnung ist falsch, bitte um Hilfe", "de", false, 5));
        assertEquals(toner, kb.search("the printed page has toner smudges", "en", false, 5).get(0).id());
    }

    @Test
    void theCustomersLanguageComesFirstAndInternalArticlesOnlyForStaff() {
        ArticleId en = published("Password reset", "Reset the password password password.", "en", Audience.PUBLIC);
        ArticleId de = published("Password zurücksetzen", "Password vergessen.", "de", Audience.PUBLIC);
        ArticleId internal = published("Password reset for admins", "Reset via console.", "en",
                Audience.INTERNAL);

        assertEquals(List.of(de, en), ids(kb.search("password", "de", false, 5)));
        assertEquals(List.of(en, de), ids(kb.search("password", "en", false, 5)));
        assertTrue(ids(kb.search("password", "en", true, 5)).contains(internal));
    }

    @Test
    void draftsAndRetiredArticlesAreNotFound() {
        ArticleId draft = kb.create(content("Password reset", "password", "en", Audience.PUBLIC), sam,
                KnowledgeService.Guard.none()).article().id();
        assertEquals(List.of(), kb.search("password", "en", false, 5));
        assertThrows(ArticleNotFoundException.class, () -> kb.readPublic(draft));

        kb.publish(draft, sam, KnowledgeService.Guard.none());
        assertEquals(List.of(draft), ids(kb.search("password", "en", false, 5)));
        assertEquals(2, kb.readPublic(draft).version());

        kb.retire(draft, sam, KnowledgeService.Guard.none());
        assertEquals(List.of(), kb.search("password", "en", false, 5));
        assertThrows(ArticleNotFoundException.class, () -> kb.readPublic(draft));
    }

    @Test
    void theIndexIsBuiltOncePerKnowledgeVersion() {
        published("Password reset", "password", "en", Audience.PUBLIC);
        kb.search("password", "en", false, 5);
        kb.search("reset", "en", false, 5);
        kb.search("anything", "en", false, 5);
        assertEquals(1, store.snapshotLoads);

        published("Invoice", "invoice", "en", Audience.PUBLIC);
        assertEquals(1, kb.search("invoice", "en", false, 5).size());
        assertEquals(2, store.snapshotLoads);
    }

    @Test
    void everyChangeIsARevisionWithWhoAndWhen() {
        ArticleId id = published("Password reset", "v1", "en", Audience.PUBLIC);
        Article edited = kb.edit(id, content("Password reset", "v2", "en", Audience.PUBLIC), sam,
                new KnowledgeService.Guard(Optional.of(2L), Optional.empty())).article();
        Article retired = kb.retire(id, sam, KnowledgeService.Guard.none()).article();

        assertEquals(ArticleStatus.PUBLISHED, edited.status());
        assertEquals(List.of(ArticleAction.CREATED, ArticleAction.PUBLISHED, ArticleAction.EDITED,
                ArticleAction.RETIRED), retired.history().stream().map(ArticleRevision::action).toList());
        for (ArticleRevision r : retired.history()) {
            assertEquals(sam.actor(), r.by());
            assertEquals(NOW, r.at());
        }
        assertEquals("v1", retired.history().get(1).content().body());
        assertThrows(ArticleTransitionException.class, () -> kb.edit(id, content("x", "y", "en", Audience.PUBLIC),
                sam, KnowledgeService.Guard.none()));
        assertThrows(ArticleTransitionException.class, () -> kb.retire(id, sam, KnowledgeService.Guard.none()));
    }

    @Test
    void aStaleIfMatchIsRefusedAndARetriedKeyActsOnce() {
        ArticleId id = kb.create(content("Password reset", "v1", "en", Audience.PUBLIC), sam,
                new KnowledgeService.Guard(Optional.empty(), Optional.of("sam:k1"))).article().id();
        KnowledgeService.Written again = kb.create(content("Other", "v9", "en", Audience.PUBLIC), sam,
                new KnowledgeService.Guard(Optional.empty(), Optional.of("sam:k1")));
        assertTrue(again.replayed());
        assertEquals(id, again.article().id());
        assertEquals("v1", again.article().content().body());

        KnowledgeService.Guard publishOnce = new KnowledgeService.Guard(Optional.of(1L), Optional.of("sam:k2"));
        assertEquals(false, kb.publish(id, sam, publishOnce).replayed());
        assertEquals(true, kb.publish(id, sam, publishOnce).replayed());
        assertEquals(2, kb.read(id).version());

        ArticleVersionConflictException stale = assertThrows(ArticleVersionConflictException.class,
                () -> kb.retire(id, sam, new KnowledgeService.Guard(Optional.of(1L), Optional.empty())));
        assertEquals(2, stale.currentVersion());
    }

    @Test
    void onlySupervisorsAndAdminsWriteArticles() {
        assertThrows(ForbiddenException.class, () -> kb.create(content("x", "y", "en", Audience.PUBLIC), ada,
                KnowledgeService.Guard.none()));
        assertEquals(List.of(), store.all());
    }
}
