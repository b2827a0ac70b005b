package io.tierline.core.routing;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.policy.Policies;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.TicketSignals;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.local.ProjectRoot;
import java.time.Instant;
import java.util.List;

/** The example assignment policy (docs/examples/assignment-policy.json) and triaged tickets for the rule tests. */
final class RoutingFixtures {
    /** A Saturday: Olga works Berlin office hours and is off shift; everyone else works 24x7. */
    static final Instant SATURDAY = Instant.parse("2026-12-05T10:00:00Z");
    /** A Tuesday at 11:00 in Berlin: everyone is on shift. */
    static final Instant TUESDAY = Instant.parse("2026-12-08T10:00:00Z");

    static final Policies POLICIES = PolicyDocument.fromFile(
            ProjectRoot.find().resolve("docs/examples/assignment-policy.json"));

    private static int made;

    private RoutingFixtures() {
    }

    static Ticket triaged(String team, Tier tier, Priority priority, String category, String language,
                          List<String> tags) {
        TicketDraft draft = new TicketDraft(new TicketDraft.Asked("subject", "description"),
                new Requester("C", "c@example.com", null, null), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM), new TicketDraft.Topic(null, List.of()));
        Ticket fresh = Ticket.open(new TicketId(String.format("01J%023d", ++made)), draft, "salt",
                Actor.customer("c@example.com"), TUESDAY).after();
        return fresh.triage(new TriageDecision(priority, TeamName.of(team), tier, category, tags,
                new TicketSignals(language, 0.1, 0.1), "test"), Actor.system("triage"), TUESDAY).after();
    }

    static Ticket germanBilling() {
        return triaged("billing", Tier.of(1), Priority.NORMAL, "billing", "de", List.of());
    }
}
