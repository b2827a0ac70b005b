package io.tierline.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.access.ForbiddenException;
import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.fakes.FakeWorld;
import io.tierline.core.fakes.InMemoryArticleStore;
import io.tierline.core.fakes.ScenarioPolicy;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An agent proposes a draft from a solved ticket: one per ticket, internal, for a supervisor to publish. */
class ArticleProposalTest {
    final Principal alice = Principal.inTeams("alice", Role.AGENT, Set.of("billing"));

    @Test
    void aSolvedTicketBecomesOneInternalDraftThatOnlySupervisorsPublish() throws Exception {
        FakeWorld world = new FakeWorld(PolicyDocument.parse(ScenarioPolicy.document()),
                Instant.parse("2026-11-23T08:00:00Z"), Duration.ofMinutes(2));
        KnowledgeService kb = new KnowledgeService(new InMemoryArticleStore(), world.clock);
        TicketId id = world.file(new TicketDraft(new TicketDraft.Asked("Invoice shows the wrong VAT",
                "Our invoice is wrong."),
                new Requester("Pia", "pia@example.com", "acme", "basic"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM), new TicketDraft.Topic(null, List.of())));
        assertThrows(ArticleTransitionException.class, () -> kb.proposeFrom(world.ticket(id), alice),
                "an open ticket has no answer yet");
        world.store.apply(List.of(world.ticket(id).resolve("Reissued with 19% VAT.", null, alice.actor(),
                world.clock.instant())), Optional.empty());

        KnowledgeService.Written first = kb.proposeFrom(world.ticket(id), alice);
        assertFalse(first.replayed());
        Article draft = first.article();
        assertEquals(ArticleStatus.DRAFT, draft.status());
        assertEquals(Audience.INTERNAL, draft.content().audience());
        assertEquals("Invoice shows the wrong VAT", draft.content().title());
        assertEquals("## The question\n\nOur invoice is wrong.\n\n## The answer\n\nReissued with 19% VAT.",
                draft.content().body());
        assertEquals(Optional.of("proposed from ticket " + id.value()), draft.current().note());
        assertEquals("agent:alice", draft.current().by().kind().name().toLowerCase() + ":" + draft.current().by().id());

        KnowledgeService.Written again = kb.proposeFrom(world.ticket(id), alice);
        assertTrue(again.replayed());
        assertEquals(draft, again.article());
        assertThrows(ForbiddenException.class, () -> kb.publish(draft.id(), alice, KnowledgeService.Guard.none()));
    }
}
